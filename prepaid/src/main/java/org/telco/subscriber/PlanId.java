package org.telco.subscriber;

import java.util.Objects;

/**
 * Names a plan within its operator's catalogue, such as {@code basic-18}. Clients send it when
 * subscribing, so it is short and URL-safe.
 *
 * @param value 1-32 characters of a-z, 0-9 and {@code -}, starting with a letter or digit
 */
public record PlanId(String value) implements Comparable<PlanId> {
  /** Rejects ids of the wrong shape. */
  public PlanId {
    Objects.requireNonNull(value, "value");
    if (!wellShaped(value)) {
      throw new IllegalArgumentException("plan id must be 1-32 characters of a-z 0-9 -: " + value);
    }
  }

  /**
   * Whether {@code value} is 1-32 characters of a-z, 0-9 and {@code -} starting with a letter or
   * digit. A loop, not a regular expression: every subscriber read builds one.
   */
  private static boolean wellShaped(String value) {
    if (value.isEmpty() || value.length() > 32) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed =
          i == 0
              ? (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
              : (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int compareTo(PlanId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
