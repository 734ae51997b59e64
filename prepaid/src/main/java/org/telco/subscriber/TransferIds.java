package org.telco.subscriber;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.telco.ledger.TransferId;

/**
 * Deterministic transfer ids built from what a movement is for, such as {@code
 * fee:8613800000001:2026-02-28}: a retry of the same business step always yields the same id, so
 * the ledger applies it once.
 *
 * <p>A transfer id holds at most {@link TransferId#LENGTH_MAX} characters, and client ids inside it
 * (a payment id may itself have 64) can make it longer. Such an id becomes {@code <kind>.h:<48 hex
 * digits>}, the first 192 bits of the SHA-256 of the long form: still deterministic, and it cannot
 * collide with a readable id, because those have {@code :} right after the kind.
 */
public final class TransferIds {
  private static final int DIGEST_HEX_DIGITS = 48;

  private TransferIds() {}

  /**
   * The id {@code kind:part1:part2...}, or its digest form when that is too long. Only the first
   * part may contain {@code :}, so an id splits back into its parts one way only, and two different
   * steps never share an id.
   */
  public static TransferId of(String kind, String... parts) {
    StringBuilder readable = new StringBuilder(kind);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0 && parts[i].indexOf(':') >= 0) {
        throw new IllegalArgumentException("only the first part may contain ':': " + parts[i]);
      }
      readable.append(':').append(parts[i]);
    }
    if (readable.length() <= TransferId.LENGTH_MAX) {
      return new TransferId(readable.toString());
    }
    return new TransferId(kind + ".h:" + digest(readable.toString()));
  }

  private static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, DIGEST_HEX_DIGITS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
