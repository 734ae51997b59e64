package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.telco.app.demo.AutopayDemo;
import org.telco.app.demo.PlatformClient;

/** {@code telco demo autopay} (flow F2) against a platform with two operators. */
class AutopayDemoIT {
  @Test
  void theDemoPlaysEverySituationAsExpected() throws Exception {
    try (TestPlatform platform = TestPlatform.start(List.of("clearinghouse", "alpha", "beta"))) {
      PlatformClient api =
          new PlatformClient(
              platform.url("alpha"), platform.adminKey("alpha"), platform.partnerKey("alpha"));
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      int exit =
          new AutopayDemo(
                  api,
                  platform.dataDirectory,
                  platform.url("alpha"),
                  new PrintStream(printed, true, StandardCharsets.UTF_8),
                  new Random(7))
              .play();
      String output = printed.toString(StandardCharsets.UTF_8);
      assertThat(exit).as(output).isZero();
      assertThat(output)
          .contains("ALREADY_NORMAL", "REOPENED_AFTER_PLAN_PRICE", "VOLUNTARILY_SUSPENDED")
          .contains("UNKNOWN_NUMBER", "王小明", "beta")
          .contains("CATEGORIES:Autopay: voluntarily suspended", "X-TELCO-COLOUR")
          .contains("Every step went as expected.")
          .doesNotContain("[FAIL]");
    }
  }
}
