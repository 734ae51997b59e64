package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.telco.app.demo.LifecycleDemo;
import org.telco.app.demo.PlatformClient;

/** {@code telco demo lifecycle} (issue 3, item 11) against a platform on the simulated clock. */
class LifecycleDemoIT {
  @Test
  void theDemoPlaysEveryStepAsExpected() throws Exception {
    try (TestPlatform platform = TestPlatform.start()) {
      PlatformClient api =
          new PlatformClient(
              platform.url("alpha"), platform.adminKey("alpha"), platform.partnerKey("alpha"));
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      int exit =
          new LifecycleDemo(
                  api, new PrintStream(printed, true, StandardCharsets.UTF_8), new Random())
              .play();
      String output = printed.toString(StandardCharsets.UTF_8);
      assertThat(exit).as(output).isEqualTo(LifecycleDemo.OK);
      assertThat(output).contains("BARRED_ARREARS", "RESTRICTED", "NORMAL", "UNKNOWN");
      assertThat(output).doesNotContain("[FAIL]");
    }
  }
}
