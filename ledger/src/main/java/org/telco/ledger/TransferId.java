package org.telco.ledger;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The client-chosen id of a transfer. It is the idempotency key: a retry with the same id returns
 * the first outcome instead of moving money twice.
 *
 * @param value 1 to 64 characters of letters, digits and {@code . _ : -}
 */
public record TransferId(String value) implements Comparable<TransferId> {
  /** Longest id accepted. */
  public static final int LENGTH_MAX = 64;

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._:-]{1," + LENGTH_MAX + "}");

  /** Rejects ids of the wrong shape. */
  public TransferId {
    Objects.requireNonNull(value, "value");
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "transfer id must be 1-" + LENGTH_MAX + " characters of A-Z a-z 0-9 . _ : -");
    }
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
