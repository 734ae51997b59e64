package org.telco.payment;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The client-chosen id of a refund, unique within its payment, and its idempotency key: the same id
 * with the same amount is the same refund. Unlike a payment id it has no {@code :}, because it
 * follows the payment id in the refund's transfer id ({@code refund:<paymentId>:<refundId>}), which
 * must split back one way only.
 *
 * @param value 1 to 64 characters of letters, digits and {@code . _ -}
 */
public record RefundId(String value) implements Comparable<RefundId> {
  /** Longest id accepted. */
  public static final int LENGTH_MAX = 64;

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._-]{1," + LENGTH_MAX + "}");

  /** Rejects ids of the wrong shape. */
  public RefundId {
    Objects.requireNonNull(value, "value");
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "refund id must be 1-" + LENGTH_MAX + " characters of A-Z a-z 0-9 . _ -");
    }
  }

  @Override
  public int compareTo(RefundId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
