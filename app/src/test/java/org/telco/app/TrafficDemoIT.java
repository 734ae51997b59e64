package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.telco.app.demo.LifecycleDemo;
import org.telco.app.demo.PlatformClient;
import org.telco.app.demo.TrafficDemo;

/**
 * {@code telco demo traffic} (flow F5) against alpha on the simulated clock, played twice on the
 * same platform as a user may: every step sees what it expects both times.
 */
class TrafficDemoIT {
  @Test
  void theDemoShowsWhichBucketPaidAndSettlesThePartnerOnce() throws Exception {
    try (TestPlatform platform = TestPlatform.start(List.of("alpha"))) {
      PlatformClient api =
          new PlatformClient(
              platform.url("alpha"), platform.adminKey("alpha"), platform.partnerKey("alpha"));
      String output = play(api, 5);
      assertThat(output)
          .contains(
              "PRE_AUTHENTICATED",
              "PRE_DEDUCTED",
              "AUTHENTICATION_CONFIRMED",
              "DEDUCTION_CONFIRMED")
          .contains("designated true", "designated false", "directed to 1001")
          .contains("SMF create  -> HTTP 201, SUCCESS", "SMF release -> HTTP 204")
          .contains("video app (rating group 1001) uses 14 MB: paid by card-video-1g")
          .contains("video app (rating group 1001) uses 10 MB: paid by video-3g")
          .contains(
              "the ledger moved video-3g +10 MB used",
              "web (rating group 10) uses 4 MB: paid by addon-500m")
          .contains("no bucket pays for it, money does", "balance 1000 -> 920 fen")
          .contains("the directed pack paid for video and the web never touched it")
          .contains("the clock moves one day", "is closed and charged once")
          .contains("charged, 34 MB at 500 fen per GB = 17 fen", "balance 0 -> -17 fen")
          .contains("charged-before, balance -17 fen");
      String again = play(api, 6);
      assertThat(again).contains("charged, 34 MB", "balance -17 -> -34 fen");
    }
  }

  private static String play(PlatformClient api, long seed) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int exit =
        new TrafficDemo(
                api, new PrintStream(printed, true, StandardCharsets.UTF_8), new Random(seed))
            .play();
    String output = printed.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(output).isEqualTo(LifecycleDemo.OK);
    assertThat(output).contains("Every step went as expected.").doesNotContain("[FAIL]");
    return output;
  }
}
