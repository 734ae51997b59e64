package org.telco.ledger;

import java.util.Objects;

/**
 * The client-chosen id of a transfer. It is the idempotency key: a retry with the same id returns
 * the first outcome instead of moving money twice.
 *
 * @param value 1 to 64 characters of letters, digits and {@code . _ : -}
 */
public record TransferId(String value) implements Comparable<TransferId> {
  /** Longest id accepted. */
  public static final int LENGTH_MAX = 64;

  /** Rejects ids of the wrong shape. */
  public TransferId {
    Objects.requireNonNull(value, "value");
    if (!wellShaped(value)) {
      throw new IllegalArgumentException(
          "transfer id must be 1-" + LENGTH_MAX + " characters of A-Z a-z 0-9 . _ : -");
    }
  }

  /**
   * Whether {@code value} is 1 to {@link #LENGTH_MAX} characters of {@code A-Z a-z 0-9 . _ : -}.
   * Checked character by character rather than with a regular expression: every transfer the ledger
   * moves builds one, millions in a batch run.
   */
  private static boolean wellShaped(String value) {
    if (value.isEmpty() || value.length() > LENGTH_MAX) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == ':'
              || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int compareTo(TransferId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
