package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telco.web.RequestSignature;

/** Calls between nodes are signed, fresh and single-use; anything else is a 401. */
class PeerAuthenticationIT {
  private static final String PING = "/api/v1/peer/ping";
  private static TestPlatform platform;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = TestPlatform.start();
  }

  @AfterAll
  static void stopPlatform() {
    platform.close();
  }

  @Test
  void nodesReachEachOtherWithSignedRequests() {
    Http.Response report =
        Http.get(platform.url("alpha") + "/api/v1/admin/peers", platform.adminKey("alpha"));

    assertThat(report.status()).isEqualTo(200);
    assertThat(report.body()).contains("\"reachable\":true");
    assertThat(report.json().get(0).get("peer").asText()).isEqualTo("clearinghouse");
    assertThat(report.json().get(0).get("reachable").asBoolean()).isTrue();
    assertThat(report.json().get(0).get("authenticatedAs").asText()).isEqualTo("alpha");
  }

  @Test
  void unsignedRequestIsRejected() {
    Http.Response answer = Http.post(platform.url("clearinghouse") + PING, null, "{}");

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().get("code").asText()).isEqualTo("missing-signature");
  }

  @Test
  void wronglySignedRequestIsRejected() {
    Map<String, String> headers = signed("{}", "nonce-wrong-key", new byte[32]);

    Http.Response answer = Http.post(platform.url("clearinghouse") + PING, null, "{}", headers);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().get("code").asText()).isEqualTo("bad-signature");
  }

  @Test
  void bodyChangedAfterSigningIsRejected() {
    Map<String, String> headers = signed("{}", "nonce-tampered", pairKey());

    Http.Response answer =
        Http.post(platform.url("clearinghouse") + PING, null, "{\"x\":1}", headers);

    assertThat(answer.json().get("code").asText()).isEqualTo("bad-signature");
  }

  @Test
  void replayedRequestIsRejected() {
    Map<String, String> headers = signed("{}", "nonce-replayed", pairKey());

    Http.Response first = Http.post(platform.url("clearinghouse") + PING, null, "{}", headers);
    Http.Response replay = Http.post(platform.url("clearinghouse") + PING, null, "{}", headers);

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(replay.status()).isEqualTo(401);
    assertThat(replay.json().get("code").asText()).isEqualTo("replayed-request");
  }

  @Test
  void staleRequestIsRejected() {
    long anHourAgo = Instant.now().minusSeconds(3600).getEpochSecond();
    Map<String, String> headers = signedAt("{}", "nonce-stale", pairKey(), anHourAgo);

    Http.Response answer = Http.post(platform.url("clearinghouse") + PING, null, "{}", headers);

    assertThat(answer.json().get("code").asText()).isEqualTo("stale-request");
  }

  @Test
  void apiKeyIsNoSubstituteForASignature() {
    Http.Response answer =
        Http.post(platform.url("clearinghouse") + PING, platform.adminKey("clearinghouse"), "{}");

    assertThat(answer.status()).isEqualTo(401);
  }

  private static byte[] pairKey() {
    return platform.platform.credentials().peerKey("alpha", "clearinghouse");
  }

  private static Map<String, String> signed(String body, String nonce, byte[] key) {
    return signedAt(body, nonce, key, Instant.now().getEpochSecond());
  }

  private static Map<String, String> signedAt(String body, String nonce, byte[] key, long at) {
    String signature =
        RequestSignature.sign(
            key, "alpha", "POST", PING, at, nonce, body.getBytes(StandardCharsets.UTF_8));
    return Map.of(
        RequestSignature.PEER_HEADER,
        "alpha",
        RequestSignature.TIMESTAMP_HEADER,
        Long.toString(at),
        RequestSignature.NONCE_HEADER,
        nonce,
        RequestSignature.SIGNATURE_HEADER,
        signature);
  }
}
