package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.telco.app.demo.PortabilityDemo;

/** {@code telco demo portability} against three nodes: every step sees what it expects. */
class PortabilityDemoIT {
  @Test
  void theDemoPortsANumberInArrearsAndTheBanksSmsFollowsIt() throws Exception {
    try (TestPlatform platform = TestPlatform.start(List.of("clearinghouse", "alpha", "beta"))) {
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      int exit =
          new PortabilityDemo(
                  Map.of(
                      "clearinghouse", platform.url("clearinghouse"),
                      "alpha", platform.url("alpha"),
                      "beta", platform.url("beta")),
                  platform.dataDirectory,
                  platform.smppPort("alpha"),
                  new PrintStream(printed, true, StandardCharsets.UTF_8),
                  new Random(8))
              .play();
      String output = printed.toString(StandardCharsets.UTF_8);
      assertThat(exit).as(output).isZero();
      assertThat(output)
          .contains("BARRED_ARREARS", "COMPLETED", "PORTED_OUT", "UNKNOWN", "NORMAL", "139001")
          .contains("debited 88.00")
          .contains("Every step went as expected.")
          .doesNotContain("[FAIL]");
    }
  }
}
