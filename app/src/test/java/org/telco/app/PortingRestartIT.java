package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.porting.PortingNonce;
import org.telco.porting.PortingProof;
import org.telco.storage.PostgresForTests;
import org.telco.subscriber.ServicePassword;
import org.telco.web.PeerClient;

/**
 * Ports across time (flow F4): the platform restarts in the middle of two ports, and a result comes
 * after its deposit expired. In the first, both ports were verified and credit-checked at the
 * clearinghouse before the restart. Afterwards one is accepted under its port id and goes through,
 * with the compensation moved once and the routing recorded; the other is never accepted and
 * expires when its time is up, with no money moved and the number where it was.
 */
class PortingRestartIT {
  private static final String PASSWORD = "Kx7-pw19q";
  private static final String MOVING = "8613800008101";
  private static final String STAYING = "8613800008102";

  private PlatformSettings settings;
  private Platform platform;

  @AfterEach
  void stop() {
    if (platform != null) {
      platform.close();
    }
    if (settings != null) {
      PostgresForTests.deleteTree(settings.dataDirectory());
    }
  }

  @Test
  void aPortResumesAfterARestartAndAnAbandonedOneExpiresCleanly() throws Exception {
    settings = TestPlatform.settings(List.of("clearinghouse", "alpha", "beta"), false);
    platform = Platform.start(settings);
    assertThat(
            post(
                    "clearinghouse",
                    "/settlement/prefunds",
                    "{\"operator\":\"beta\",\"id\":\"wire-1\",\"amountFen\":50000}")
                .status())
        .isEqualTo(201);
    subscribe(MOVING);
    subscribe(STAYING);
    Http.Response hold =
        Http.put(
            url("alpha") + "/subscribers/" + MOVING + "/porting-hold",
            key("alpha", true),
            "{\"lockInUntil\":\"2030-01-01T00:00:00Z\",\"earlyTerminationFen\":2000}");
    assertThat(hold.status()).isEqualTo(200);
    String moving = proof(MOVING, 1);
    assertThat(verifyAsBeta("port-moving", MOVING, moving).path("state").asText())
        .isEqualTo("CREDIT_CHECKED");
    assertThat(verifyAsBeta("port-staying", STAYING, proof(STAYING, 2)).path("state").asText())
        .isEqualTo("CREDIT_CHECKED");

    platform.close();
    platform = Platform.start(settings);

    Http.Response ported =
        Http.post(
            url("beta") + "/porting/port-ins",
            key("beta", false),
            ("{\"portId\":\"port-moving\",\"msisdn\":\"%s\",\"donor\":\"alpha\",\"proof\":\"%s\","
                    + "\"planId\":\"standard\",\"servicePassword\":\"New-pw-2026\"}")
                .formatted(MOVING, moving));
    assertThat(ported.status()).as(ported.body()).isEqualTo(200);
    assertThat(ported.json().get("port").get("state").asText()).isEqualTo("COMPLETED");
    assertThat(subscriberStatus("alpha", MOVING)).isEqualTo("PORTED_OUT");
    assertThat(subscriberStatus("beta", MOVING)).isEqualTo("ACTIVE");

    advance(Duration.ofHours(2)); // the node resumes ports as the clock moves
    JsonNode staying = portRequest("port-staying");
    assertThat(staying.get("state").asText()).isEqualTo("EXPIRED");
    assertThat(staying.get("rejection").asText()).isEqualTo("timed-out");
    assertThat(subscriberStatus("alpha", STAYING)).isEqualTo("ACTIVE");
    assertThat(
            Http.get(url("clearinghouse") + "/routing/" + STAYING, key("clearinghouse", false))
                .json()
                .get("ported")
                .asBoolean())
        .isFalse();

    JsonNode accounts =
        Http.get(url("clearinghouse") + "/settlement/accounts", key("clearinghouse", true)).json();
    assertThat(accounts.toString())
        .contains("{\"operator\":\"alpha\",\"balanceFen\":2000}")
        .contains("{\"operator\":\"beta\",\"balanceFen\":48000}");
  }

  @Test
  void aResultPresentedAfterItsDepositExpiredIsRefusedAndMovesNothing() throws Exception {
    settings = TestPlatform.settings(List.of("clearinghouse", "alpha", "beta"), false);
    platform = Platform.start(settings);
    subscribe(STAYING);
    String late = proof(STAYING, 3);
    advance(Duration.ofMinutes(61)); // porting.json: a deposit is good for 60 minutes

    Http.Response answer =
        Http.post(
            url("beta") + "/porting/port-ins",
            key("beta", false),
            ("{\"portId\":\"port-late\",\"msisdn\":\"%s\",\"donor\":\"alpha\",\"proof\":\"%s\","
                    + "\"planId\":\"standard\",\"servicePassword\":\"New-pw-2026\"}")
                .formatted(STAYING, late));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("port").get("rejection").asText()).isEqualTo("deposit-expired");
    assertThat(subscriberStatus("alpha", STAYING)).isEqualTo("ACTIVE");
    assertThat(
            Http.get(url("clearinghouse") + "/routing/" + STAYING, key("clearinghouse", false))
                .json()
                .get("ported")
                .asBoolean())
        .isFalse();
  }

  /** The recipient's verification, sent straight to the clearinghouse as beta's node would. */
  private JsonNode verifyAsBeta(String portId, String msisdn, String proof) {
    PeerClient beta =
        new PeerClient(
            "beta",
            "clearinghouse",
            settings.peerAddresses().get("clearinghouse"),
            platform.credentials().peerKey("beta", "clearinghouse"),
            Clock.systemUTC());
    return beta.post(
        "/api/v1/porting/verifications",
        new VerificationBody(portId, msisdn, "alpha", proof),
        JsonNode.class);
  }

  /** The body of a verification request. */
  record VerificationBody(String portId, String msisdn, String donor, String proof) {}

  /** What the porting app computes: the HMAC of a nonce under the password's PBKDF2 key. */
  private String proof(String msisdn, int seed) {
    PortingNonce nonce = PortingNonce.issue(new Random(seed));
    Http.Response authorised =
        Http.post(
            url("alpha") + "/porting/authorisations",
            key("alpha", false),
            "{\"msisdn\":\"" + msisdn + "\",\"nonce\":\"" + nonce.text() + "\"}");
    assertThat(authorised.status()).as(authorised.body()).isEqualTo(201);
    byte[] salt = Base64.getDecoder().decode(authorised.json().get("salt").asText());
    ServicePassword key =
        ServicePassword.derive(
            PASSWORD.toCharArray(), salt, authorised.json().get("iterations").asInt());
    return PortingProof.of(key, nonce).hex();
  }

  private void subscribe(String msisdn) {
    Http.Response created =
        post(
            "alpha",
            "/subscribers",
            "{\"msisdn\":\""
                + msisdn
                + "\",\"planId\":\"standard\",\"servicePassword\":\""
                + PASSWORD
                + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  private JsonNode portRequest(String id) {
    return Http.get(url("clearinghouse") + "/porting/requests/" + id, key("clearinghouse", true))
        .json();
  }

  private String subscriberStatus(String node, String msisdn) {
    return Http.get(url(node) + "/subscribers/" + msisdn, key(node, true))
        .json()
        .get("status")
        .asText();
  }

  private void advance(Duration duration) {
    Http.Response moved =
        post("alpha", "/admin/clock/advance", "{\"seconds\":" + duration.toSeconds() + "}");
    assertThat(moved.status()).isEqualTo(200);
  }

  private Http.Response post(String node, String path, String json) {
    return Http.post(url(node) + path, key(node, true), json);
  }

  private String url(String node) {
    return settings.peerAddresses().get(node) + "/api/v1";
  }

  private String key(String node, boolean admin) {
    var credentials = platform.credentials().of(node);
    return admin ? credentials.adminApiKey() : credentials.partnerApiKey();
  }
}
