package org.telco.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ids for the void transfers the ledger commits when a pending transfer expires.
 *
 * <p>The first choice is {@code expiry:<pendingId>}. A pending id too long for that is shortened to
 * its first characters plus a hash, which is always exactly {@link TransferId#LENGTH_MAX} long, so
 * it can never equal a plain {@code expiry:<pendingId>}. Clients may use {@code expiry:} ids
 * themselves; when the preferred id is taken, later attempts derive other ids from a hash, and the
 * ledger takes the first free one. The choice is deterministic given the ledger's state.
 */
final class ExpiryIds {
  /** Every expiry id starts with this. */
  static final String PREFIX = "expiry:";

  private static final int DIRECT_LENGTH_MAX = TransferId.LENGTH_MAX - PREFIX.length() - 1;
  private static final int HASH_HEX_LENGTH = 32;
  private static final int KEPT_LENGTH =
      TransferId.LENGTH_MAX - PREFIX.length() - 1 - HASH_HEX_LENGTH;

  private ExpiryIds() {}

  /** The id to try for the {@code attempt}-th time (0 first) to expire {@code pendingId}. */
  static TransferId candidate(TransferId pendingId, int attempt) {
    String pending = pendingId.value();
    if (attempt == 0) {
      return pending.length() <= DIRECT_LENGTH_MAX
          ? new TransferId(PREFIX + pending)
          : new TransferId(PREFIX + pending.substring(0, KEPT_LENGTH) + "." + hashHex(pending));
    }
    return new TransferId(PREFIX + attempt + "." + hashHex(attempt + ":" + pending));
  }

  /** Whether the id has the shape of an expiry id (a client may also have chosen it). */
  static boolean hasExpiryShape(TransferId id) {
    return id.value().startsWith(PREFIX);
  }

  private static String hashHex(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, HASH_HEX_LENGTH / 2);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
