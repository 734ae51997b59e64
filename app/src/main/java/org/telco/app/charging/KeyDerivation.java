package org.telco.app.charging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * API keys derived from a node's own key by HMAC-SHA256, so that a node keeps one secret per role
 * in {@code credentials.json} while each holder of a derived key has its own, and nobody can go
 * from a derived key back to the node's.
 */
final class KeyDerivation {
  private KeyDerivation() {}

  /** The first 40 hex digits of HMAC-SHA256 of {@code message} under {@code secret}. */
  static String hex40(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 40);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
