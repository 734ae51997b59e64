package org.telco.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks that a request comes from a known peer node: signed with that pair's key, signed recently,
 * and never seen before. Anything else is a 401 with a code that says which check failed, and never
 * the expected signature.
 *
 * <p>The clock is the real one even on a simulated-clock platform: replay protection is about wall
 * time.
 */
public final class PeerVerifier {
  /** How far a request's timestamp may be from now. */
  public static final Duration WINDOW = Duration.ofMinutes(5);

  private final Map<String, byte[]> keysByPeer;
  private final Clock wallClock;
  private final Map<String, Long> seenNonces = new ConcurrentHashMap<>();
  private volatile long lastSweepSecond;

  /** A verifier for the given peers. */
  public PeerVerifier(Map<String, byte[]> keysByPeer, Clock wallClock) {
    this.keysByPeer = Map.copyOf(keysByPeer);
    this.wallClock = wallClock;
  }

  /**
   * Verifies a request.
   *
   * @param header reads a request header by name
   * @return the calling peer's name
   * @throws ProblemException 401 if any check fails
   */
  public String verify(
      java.util.function.Function<String, Optional<String>> header,
      String method,
      String pathAndQuery,
      byte[] body) {
    String peer = required(header, RequestSignature.PEER_HEADER);
    String timestamp = required(header, RequestSignature.TIMESTAMP_HEADER);
    String nonce = required(header, RequestSignature.NONCE_HEADER);
    String signature = required(header, RequestSignature.SIGNATURE_HEADER);
    byte[] key = keysByPeer.get(peer);
    if (key == null) {
      throw unauthorized("unknown-peer", "the calling node is not a known peer");
    }
    long signedAt;
    try {
      signedAt = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      throw unauthorized("stale-request", "the timestamp is not an epoch second");
    }
    long now = wallClock.instant().getEpochSecond();
    if (Math.abs(now - signedAt) > WINDOW.toSeconds()) {
      throw unauthorized("stale-request", "the request was signed too long ago or ahead");
    }
    String expected = RequestSignature.sign(key, peer, method, pathAndQuery, signedAt, nonce, body);
    if (!RequestSignature.matches(expected, signature)) {
      throw unauthorized("bad-signature", "the signature does not match the request");
    }
    forgetOldNonces(now);
    if (seenNonces.putIfAbsent(peer + "/" + nonce, signedAt) != null) {
      throw unauthorized("replayed-request", "this request was already received");
    }
    return peer;
  }

  /** Sweeps at most once a second, so the cost stays flat under load. */
  private void forgetOldNonces(long now) {
    if (now == lastSweepSecond) {
      return;
    }
    lastSweepSecond = now;
    Iterator<Map.Entry<String, Long>> entries = seenNonces.entrySet().iterator();
    while (entries.hasNext()) {
      if (now - entries.next().getValue() > 2 * WINDOW.toSeconds()) {
        entries.remove();
      }
    }
  }

  private static String required(
      java.util.function.Function<String, Optional<String>> header, String name) {
    return header
        .apply(name)
        .orElseThrow(() -> unauthorized("missing-signature", "header " + name + " is required"));
  }

  private static ProblemException unauthorized(String code, String detail) {
    return new Problem(401, code, "The peer request is not authenticated", detail, null)
        .toException();
  }
}
