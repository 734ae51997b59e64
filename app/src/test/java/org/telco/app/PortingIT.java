package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telco.phone.porting.PortingApp;
import org.telco.porting.PortingNonce;
import org.telco.porting.PortingProof;
import org.telco.subscriber.ServicePassword;

/**
 * Flow F4 across three nodes over signed HTTP: the porting app ({@link PortingApp}, the terminal)
 * asks alpha (the donor) to authorise, derives its own result from the password and alpha's salt,
 * and asks beta (the recipient) to port the number in; beta has the clearinghouse verify it and
 * relay alpha's credit information, accepts, the compensation moves between the prefunded
 * settlement accounts, alpha closes the number as PORTED_OUT and refunds its money, and beta
 * activates it. A wrong password moves nothing.
 */
class PortingIT {
  private static final String PASSWORD = "Kx7-pw19q";
  private static final long LOCK_IN_FEN = 2_000;

  private static TestPlatform platform;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = TestPlatform.start(List.of("clearinghouse", "alpha", "beta"));
    Http.Response prefunded =
        Http.post(
            platform.url("clearinghouse") + "/api/v1/settlement/prefunds",
            platform.adminKey("clearinghouse"),
            "{\"operator\":\"beta\",\"id\":\"wire-1\",\"amountFen\":50000}");
    assertThat(prefunded.status()).as(prefunded.body()).isEqualTo(201);
  }

  @AfterAll
  static void stopPlatform() {
    platform.close();
  }

  @Test
  void aNumberPortsFromAlphaToBetaWithItsCompensationSettled() throws Exception {
    String msisdn = subscribe("8613800006001", 700);
    Http.Response hold =
        put(
            "alpha",
            "/subscribers/" + msisdn + "/porting-hold",
            "{\"locked\":false,\"lockInUntil\":\"2030-01-01T00:00:00Z\",\"earlyTerminationFen\":"
                + LOCK_IN_FEN
                + "}");
    assertThat(hold.status()).as(hold.body()).isEqualTo(200);

    PortingApp.Answer answer =
        new PortingApp(
                Map.of("alpha", platform.url("alpha"), "beta", platform.url("beta")),
                Map.of("alpha", platform.partnerKey("alpha"), "beta", platform.partnerKey("beta")),
                new Random(1),
                System.out)
            .port(
                new PortingApp.Request(
                    "port-ok-1",
                    msisdn,
                    PASSWORD.toCharArray(),
                    "beta",
                    "standard",
                    "New-pw-2026".toCharArray()));
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    JsonNode result = answer.body();

    JsonNode port = result.get("port");
    assertThat(port.get("state").asText()).as(result.toString()).isEqualTo("COMPLETED");
    assertThat(port.get("compensationFen").asLong()).isEqualTo(LOCK_IN_FEN);
    assertThat(port.get("credit").get("balanceFen").asLong()).isEqualTo(700);
    assertThat(port.get("history"))
        .extracting(s -> s.get("state").asText())
        .containsExactly(
            "REQUESTED", "VERIFIED", "CREDIT_CHECKED", "ACCEPTED", "SETTLED", "COMPLETED");
    assertThat(result.get("subscriberStatus").asText()).isEqualTo("ACTIVE");

    JsonNode donorSide = get("alpha", "/subscribers/" + msisdn, "adminKey");
    assertThat(donorSide.get("status").asText()).isEqualTo("PORTED_OUT");
    assertThat(donorSide.get("balanceFen").asLong()).isZero();
    assertThat(get("alpha", "/numbers/" + msisdn + "/status", "partnerKey").get("state").asText())
        .isEqualTo("UNKNOWN");
    assertThat(get("beta", "/numbers/" + msisdn + "/status", "partnerKey").get("state").asText())
        .isEqualTo("NORMAL");

    for (String node : List.of("clearinghouse", "alpha", "beta")) {
      JsonNode routing = get(node, "/routing/" + msisdn, "partnerKey");
      assertThat(routing.get("operator").asText()).as(node).isEqualTo("beta");
      assertThat(routing.get("ported").asBoolean()).as(node).isTrue();
      assertThat(routing.get("routingNumber").asText()).as(node).isEqualTo("139001");
    }
    JsonNode lookup = get("alpha", "/numbers/" + msisdn + "/operator", "partnerKey");
    assertThat(lookup.get("operatorId").asText()).isEqualTo("beta");
    assertThat(lookup.get("ported").asBoolean()).isTrue();
    OperatorCalls beta = OperatorCalls.of(platform, "beta");
    assertThat(beta.awaitText(msisdn, text -> text.contains("Welcome to Beta Telecom"))).isTrue();
    String neighbour = subscribe("8613800006010", 500);
    OperatorCalls.of(platform, "alpha").text(neighbour, msisdn, "Still the same number?");
    assertThat(beta.awaitText(msisdn, text -> text.contains("Still the same number?"))).isTrue();

    JsonNode balances = get("clearinghouse", "/settlement/accounts", "adminKey");
    assertThat(balance(balances, "alpha")).isEqualTo(LOCK_IN_FEN);
    assertThat(balance(balances, "beta")).isEqualTo(50_000 - LOCK_IN_FEN);
    JsonNode statement = get("clearinghouse", "/settlement/statements?operator=alpha", "adminKey");
    assertThat(statement.get("lines").get(0).get("counterparty").asText()).isEqualTo("beta");
    assertThat(statement.get("lines").get(0).get("receivedFen").asLong()).isEqualTo(LOCK_IN_FEN);

    JsonNode again = portIn("port-ok-1", msisdn, "00".repeat(32)).json();
    assertThat(again.get("port").get("state").asText()).isEqualTo("COMPLETED");
    assertThat(balance(get("clearinghouse", "/settlement/accounts", "adminKey"), "beta"))
        .isEqualTo(50_000 - LOCK_IN_FEN);
  }

  @Test
  void aWrongPasswordIsRejectedAndMovesNothing() throws Exception {
    String msisdn = subscribe("8613800006002", 0);
    long beta = balance(get("clearinghouse", "/settlement/accounts", "adminKey"), "beta");

    JsonNode result =
        portIn("port-wrong-1", msisdn, terminalProof(msisdn, "Wrong-pw-77", 2)).json();

    assertThat(result.get("port").get("state").asText()).isEqualTo("REJECTED");
    assertThat(result.get("port").get("rejection").asText()).isEqualTo("wrong-proof");
    assertThat(result.has("subscriberStatus")).isFalse();
    assertThat(get("alpha", "/subscribers/" + msisdn, "adminKey").get("status").asText())
        .isEqualTo("ACTIVE");
    assertThat(balance(get("clearinghouse", "/settlement/accounts", "adminKey"), "beta"))
        .isEqualTo(beta);
  }

  @Test
  void aPortingLockIsRefusedWhenTheTerminalAsksForAuthorisation() {
    String msisdn = subscribe("8613800006003", 0);
    put("alpha", "/subscribers/" + msisdn + "/porting-hold", "{\"locked\":true}");

    Http.Response refused = authorise(msisdn, PortingNonce.issue(new Random(3)));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("code").asText()).isEqualTo("porting-lock");
  }

  @Test
  void aSimSwapInsideTheWindowAndAnUnknownNumberAreRefusedAtAuthorisation() {
    String swapped = subscribe("8613800006004", 0);
    Http.Response swap =
        Http.post(
            platform.url("alpha") + "/api/v1/subscribers/" + swapped + "/sim-swaps",
            platform.adminKey("alpha"),
            "{}");
    assertThat(swap.status()).as(swap.body()).isEqualTo(200);

    Http.Response refused = authorise(swapped, PortingNonce.issue(new Random(4)));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("code").asText()).isEqualTo("recent-sim-swap");

    Http.Response unknown = authorise("8613800006999", PortingNonce.issue(new Random(5)));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("code").asText()).isEqualTo("unknown-number");
  }

  @Test
  void fiveWrongResultsLockTheNumberAndAResultIsGoodOnce() {
    String locked = subscribe("8613800006005", 0);
    long beta = balance(get("clearinghouse", "/settlement/accounts", "adminKey"), "beta");
    for (int i = 0; i < 5; i++) {
      JsonNode wrong =
          portIn("port-lock-" + i, locked, terminalProof(locked, "Wrong-pw-7" + i, 10 + i)).json();
      assertThat(wrong.get("port").get("rejection").asText()).isEqualTo("wrong-proof");
    }
    JsonNode right = portIn("port-lock-5", locked, terminalProof(locked, PASSWORD, 20)).json();
    assertThat(right.get("port").get("rejection").asText()).isEqualTo("locked-out");

    String dear = subscribe("8613800006006", 0);
    put(
        "alpha",
        "/subscribers/" + dear + "/porting-hold",
        "{\"lockInUntil\":\"2030-01-01T00:00:00Z\",\"earlyTerminationFen\":20000}");
    String proof = terminalProof(dear, PASSWORD, 21);
    JsonNode declined = portIn("port-dear-1", dear, proof).json();
    assertThat(declined.get("port").get("rejection").asText()).isEqualTo("declined-by-recipient");
    JsonNode replayed = portIn("port-dear-2", dear, proof).json();
    assertThat(replayed.get("port").get("rejection").asText()).isEqualTo("proof-replayed");

    assertThat(balance(get("clearinghouse", "/settlement/accounts", "adminKey"), "beta"))
        .isEqualTo(beta);
    for (String msisdn : List.of(locked, dear)) {
      assertThat(get("alpha", "/subscribers/" + msisdn, "adminKey").get("status").asText())
          .isEqualTo("ACTIVE");
    }
  }

  /** What a porting terminal does: a nonce, the donor's authorisation, the HMAC over the nonce. */
  private static String terminalProof(String msisdn, String password, int seed) {
    PortingNonce nonce = PortingNonce.issue(new Random(seed));
    Http.Response authorised = authorise(msisdn, nonce);
    assertThat(authorised.status()).as(authorised.body()).isEqualTo(201);
    byte[] salt = Base64.getDecoder().decode(authorised.json().get("salt").asText());
    int iterations = authorised.json().get("iterations").asInt();
    ServicePassword key = ServicePassword.derive(password.toCharArray(), salt, iterations);
    return PortingProof.of(key, nonce).hex();
  }

  private static Http.Response authorise(String msisdn, PortingNonce nonce) {
    return Http.post(
        platform.url("alpha") + "/api/v1/porting/authorisations",
        platform.partnerKey("alpha"),
        "{\"msisdn\":\"" + msisdn + "\",\"nonce\":\"" + nonce.text() + "\"}");
  }

  private static Http.Response portIn(String portId, String msisdn, String proof) {
    Http.Response answer =
        Http.post(
            platform.url("beta") + "/api/v1/porting/port-ins",
            platform.partnerKey("beta"),
            ("{\"portId\":\"%s\",\"msisdn\":\"%s\",\"donor\":\"alpha\",\"proof\":\"%s\","
                    + "\"planId\":\"standard\",\"servicePassword\":\"New-pw-2026\"}")
                .formatted(portId, msisdn, proof));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  private static String subscribe(String msisdn, long moneyFen) {
    OperatorCalls alpha = OperatorCalls.of(platform, "alpha");
    alpha.subscribe(msisdn, PASSWORD);
    if (moneyFen > 0) {
      alpha.pay("pay-" + msisdn, msisdn, moneyFen);
    }
    return msisdn;
  }

  private static JsonNode get(String node, String path, String keyKind) {
    String key = keyKind.equals("adminKey") ? platform.adminKey(node) : platform.partnerKey(node);
    Http.Response answer = Http.get(platform.url(node) + "/api/v1" + path, key);
    assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
    return answer.json();
  }

  private static Http.Response put(String node, String path, String json) {
    return Http.put(platform.url(node) + "/api/v1" + path, platform.adminKey(node), json);
  }

  private static long balance(JsonNode balances, String operator) {
    for (JsonNode line : balances) {
      if (line.get("operator").asText().equals(operator)) {
        return line.get("balanceFen").asLong();
      }
    }
    throw new AssertionError("no account of " + operator + " in " + balances);
  }
}
