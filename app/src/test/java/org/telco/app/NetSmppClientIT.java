package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SMS acceptance point "the same works from an SMPP client that is not Java and not ours":
 * Debian's Net::SMPP (libnet-smpp-perl, installed here when missing) binds to alpha's SMPP server,
 * reaches a subscriber of beta and gets the delivery receipt; a wrong password is refused at bind
 * (ESME_RINVPASWD).
 */
class NetSmppClientIT {
  private static final String BETA_SUBSCRIBER = "8618600006001";
  private static final String TEXT = "Net::SMPP says hello to beta";

  private static TestPlatform platform;

  @BeforeAll
  static void setUp() throws Exception {
    NetSmppClient.ensureInstalled();
    platform = TestPlatform.start(List.of("clearinghouse", "alpha", "beta"));
    Http.Response created =
        Http.post(
            platform.url("beta") + "/api/v1/subscribers",
            platform.adminKey("beta"),
            "{\"msisdn\":\""
                + BETA_SUBSCRIBER
                + "\",\"planId\":\"basic\",\"servicePassword\":\"Qw9-zx81\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  @AfterAll
  static void tearDown() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void aPerlEsmeReachesBetaAndGetsTheReceipt() throws Exception {
    NetSmppClient.Run run =
        NetSmppClient.run(
            platform.smppPort("alpha"),
            platform.smppSystemId("alpha"),
            platform.smppPassword("alpha"),
            "95588",
            BETA_SUBSCRIBER,
            TEXT);

    assertThat(run.exitCode()).as("exit code; output %s", run.lines()).isZero();
    assertThat(run.lines()).as("output").contains("bound", "unbound");
    String id = run.value("message_id").orElseThrow(() -> new AssertionError(run.lines()));
    assertThat(id).isNotBlank();
    JsonNode inbox =
        Http.get(
                platform.url("beta") + "/api/v1/handsets/" + BETA_SUBSCRIBER + "/inbox",
                platform.partnerKey("beta"))
            .json();
    assertThat(inbox.findValuesAsText("text")).containsExactly(TEXT);
    assertThat(inbox.get(0).get("id").asText()).isEqualTo(id);
    String receipt = run.value("receipt").orElseThrow(() -> new AssertionError(run.lines()));
    assertThat(receipt).contains("id:" + id).contains("stat:DELIVRD");
  }

  @Test
  void aWrongPasswordIsRefusedAtBind() throws Exception {
    NetSmppClient.Run run =
        NetSmppClient.run(
            platform.smppPort("alpha"),
            platform.smppSystemId("alpha"),
            "wrong-pw",
            "95588",
            BETA_SUBSCRIBER,
            "never sent");

    assertThat(run.exitCode()).as("exit code; output %s", run.lines()).isEqualTo(2);
    assertThat(run.lines())
        .as("output")
        .contains("bind refused, status 0x0e")
        .doesNotContain("bound");
  }
}
