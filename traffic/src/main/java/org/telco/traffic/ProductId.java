package org.telco.traffic;

import java.util.Objects;

/**
 * A traffic product's id within its operator's catalogue: 1 to 40 of {@code a-z0-9-}, so it reads
 * well in URLs and transfer ids.
 *
 * @param value the id
 */
public record ProductId(String value) {
  private static final int LENGTH_MAX = 40;

  /** Checks the form. */
  public ProductId {
    Objects.requireNonNull(value, "value");
    if (!isWellFormed(value)) {
      throw new IllegalArgumentException("a product id is 1-40 of a-z0-9-: " + value);
    }
  }

  /** Whether {@code value} would make a product id. */
  public static boolean isWellFormed(String value) {
    if (value == null || value.isEmpty() || value.length() > LENGTH_MAX) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
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
