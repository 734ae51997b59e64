package org.telco.sms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Message ids. A new message gets 16 random hex digits (64 bits: no collision in any realistic
 * lifetime, and short enough for a delivery receipt's {@code id:} field). A message made from
 * another, such as a short-code answer, gets an id derived from the other's, so making it again
 * after a crash yields the same id.
 */
public final class MessageIds {
  private static final int MAX = 64;
  private static final SecureRandom RANDOM = new SecureRandom();

  private MessageIds() {}

  /** A fresh id. */
  public static String fresh() {
    return HexFormat.of().toHexDigits(RANDOM.nextLong());
  }

  /** The id of the message made from {@code base} as its {@code suffix}. */
  public static String derived(String base, String suffix) {
    String plain = base + ":" + suffix;
    if (plain.length() <= MAX) {
      return plain;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(plain.getBytes(StandardCharsets.UTF_8));
      return "d:" + HexFormat.of().formatHex(digest, 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
