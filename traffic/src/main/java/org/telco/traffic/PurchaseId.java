package org.telco.traffic;

import java.util.Objects;

/**
 * The client's idempotency key for a traffic purchase: 1 to 64 of {@code A-Za-z0-9._-}.
 *
 * @param value the id
 */
public record PurchaseId(String value) {
  private static final int LENGTH_MAX = 64;

  /** Checks the form. */
  public PurchaseId {
    Objects.requireNonNull(value, "value");
    if (!isWellFormed(value)) {
      throw new IllegalArgumentException("a purchase id is 1-64 of A-Za-z0-9._-: " + value);
    }
  }

  /** Whether {@code value} would make a purchase id. */
  public static boolean isWellFormed(String value) {
    if (value == null || value.isEmpty() || value.length() > LENGTH_MAX) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok =
          c >= 'a' && c <= 'z'
              || c >= 'A' && c <= 'Z'
              || c >= '0' && c <= '9'
              || c == '.'
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return value;
  }
}
