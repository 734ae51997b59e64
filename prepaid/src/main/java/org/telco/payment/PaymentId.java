package org.telco.payment;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The client-chosen id of a payment, and its idempotency key: the same id with the same fields is
 * the same payment, however often it is sent.
 *
 * @param value 1 to 64 characters of letters, digits and {@code . _ : -}
 */
public record PaymentId(String value) implements Comparable<PaymentId> {
  /** Longest id accepted. */
  public static final int LENGTH_MAX = 64;

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._:-]{1," + LENGTH_MAX + "}");

  /** Rejects ids of the wrong shape. */
  public PaymentId {
    Objects.requireNonNull(value, "value");
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "payment id must be 1-" + LENGTH_MAX + " characters of A-Z a-z 0-9 . _ : -");
    }
  }

  @Override
  public int compareTo(PaymentId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
