package org.telco.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 signature that authenticates a call between two nodes.
 *
 * <p>It covers the sending node, the method, the path with query, the timestamp, a random nonce and
 * the SHA-256 of the body, one per line. Any change to those invalidates it; the timestamp bounds
 * how long a captured request could be replayed and the nonce stops a replay inside that window.
 */
public final class RequestSignature {
  /** Header naming the calling node. */
  public static final String PEER_HEADER = "X-Telco-Peer";

  /** Header with the epoch second the request was signed. */
  public static final String TIMESTAMP_HEADER = "X-Telco-Timestamp";

  /** Header with a single-use random value. */
  public static final String NONCE_HEADER = "X-Telco-Nonce";

  /** Header with the base64 HMAC-SHA256 signature. */
  public static final String SIGNATURE_HEADER = "X-Telco-Signature";

  private RequestSignature() {}

  /** Signs the canonical form of a request with the pair's shared key. */
  public static String sign(
      byte[] key,
      String peer,
      String method,
      String pathAndQuery,
      long epochSecond,
      String nonce,
      byte[] body) {
    String canonical =
        String.join(
            "\n", peer, method, pathAndQuery, Long.toString(epochSecond), nonce, sha256Hex(body));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** Compares two signatures in constant time. */
  public static boolean matches(String expected, String presented) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        presented.getBytes(StandardCharsets.US_ASCII));
  }

  private static String sha256Hex(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
