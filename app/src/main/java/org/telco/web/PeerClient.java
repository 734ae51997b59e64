package org.telco.web;

import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Calls another node over HTTP with a signed request, as separate machines would. One client per
 * peer; it is safe to share between threads.
 */
public final class PeerClient {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String self;
  private final String peer;
  private final byte[] key;
  private final WebClient client;
  private final Clock wallClock;

  /**
   * A client from node {@code self} to node {@code peer} at {@code baseUri}.
   *
   * @param key the pair's shared signing key
   */
  public PeerClient(String self, String peer, String baseUri, byte[] key, Clock wallClock) {
    this.self = self;
    this.peer = peer;
    this.key = key.clone();
    this.wallClock = wallClock;
    this.client =
        WebClient.builder()
            .baseUri(baseUri)
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(10))
            .build();
  }

  /**
   * POSTs a JSON body and returns the peer's answer.
   *
   * @throws PeerCallException when the peer cannot be reached or answers with an error
   */
  public <T> T post(String path, Object body, Class<T> answerType) {
    byte[] bytes = Json.write(body);
    long now = wallClock.instant().getEpochSecond();
    String nonce = HexFormat.of().formatHex(nonce());
    String signature = RequestSignature.sign(key, self, "POST", path, now, nonce, bytes);
    try (HttpClientResponse response =
        client
            .post(path)
            .header(HeaderNames.CONTENT_TYPE, "application/json")
            .header(HeaderNames.create(RequestSignature.PEER_HEADER), self)
            .header(HeaderNames.create(RequestSignature.TIMESTAMP_HEADER), Long.toString(now))
            .header(HeaderNames.create(RequestSignature.NONCE_HEADER), nonce)
            .header(HeaderNames.create(RequestSignature.SIGNATURE_HEADER), signature)
            .submit(bytes)) {
      byte[] answer = response.entity().hasEntity() ? response.as(byte[].class) : new byte[0];
      int status = response.status().code();
      if (status >= 300) {
        throw new PeerCallException(
            peer, status, new String(answer, java.nio.charset.StandardCharsets.UTF_8));
      }
      return Json.mapper().readValue(answer, answerType);
    } catch (java.io.IOException | RuntimeException e) {
      if (e instanceof PeerCallException known) {
        throw known;
      }
      throw new PeerCallException(peer, 0, e.toString());
    }
  }

  private static byte[] nonce() {
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    return nonce;
  }

  /** The peer this client calls. */
  public String peer() {
    return peer;
  }
}
