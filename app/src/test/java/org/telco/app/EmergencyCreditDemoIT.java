package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.telco.app.demo.EmergencyCreditDemo;
import org.telco.app.demo.PlatformClient;

/** {@code telco demo emergency-credit} (flow F1) against a platform on the simulated clock. */
class EmergencyCreditDemoIT {
  @Test
  void theDemoPlaysEveryStepAsExpected() throws Exception {
    try (TestPlatform platform = TestPlatform.start()) {
      PlatformClient api =
          new PlatformClient(
              platform.url("alpha"), platform.adminKey("alpha"), platform.partnerKey("alpha"));
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      int exit =
          new EmergencyCreditDemo(
                  api, new PrintStream(printed, true, StandardCharsets.UTF_8), new Random())
              .play();
      String output = printed.toString(StandardCharsets.UTF_8);
      assertThat(exit).as(output).isEqualTo(EmergencyCreditDemo.OK);
      assertThat(output)
          .contains("BARRED_ARREARS", "RESTRICTED", "EMERGENCY_CREDIT", "NORMAL")
          .contains("still due 800 fen", "repay by ", " 00:30 local")
          .contains("Operator bill", "08:00 local")
          .contains("balance 1200 fen", "REPAID, 1000 of 1000 fen repaid", "fully re-opened")
          .contains("DEFAULTED, 0 of 1000 fen repaid", "barred again")
          .contains("DEFAULTED, 400 of 1000 fen repaid, 600 fen owed", "RECOVERED")
          .contains("\"advancedFen\" : 2000", "\"defaults\" : 1")
          .contains("Every step went as expected.")
          .doesNotContain("[FAIL]");
    }
  }
}
