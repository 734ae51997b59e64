package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.telco.app.demo.DeviceBindingDemo;
import org.telco.app.demo.PlatformClient;

/** {@code telco demo device-binding} against a running alpha: every step sees what it expects. */
class DeviceBindingDemoIT {
  @Test
  void theDemoPlaysTheTvBoxStoryAsExpected() throws Exception {
    try (TestPlatform platform = TestPlatform.start(List.of("alpha"))) {
      PlatformClient api =
          new PlatformClient(
              platform.url("alpha"), platform.adminKey("alpha"), platform.partnerKey("alpha"));
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      int exit =
          new DeviceBindingDemo(
                  api,
                  platform.dataDirectory,
                  platform.url("alpha"),
                  new PrintStream(printed, true, StandardCharsets.UTF_8),
                  new Random(11))
              .play();
      String output = printed.toString(StandardCharsets.UTF_8);
      assertThat(exit).as(output).isZero();
      assertThat(output)
          .contains("[box] ", "SMS: BIND TVBOX-", "Activation SMS received")
          .contains("over-monthly-cap", "not-bound", "balance still")
          .contains("Every step went as expected.")
          .doesNotContain("[FAIL]");
    }
  }
}
