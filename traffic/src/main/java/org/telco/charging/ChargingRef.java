package org.telco.charging;

import java.util.Objects;

/**
 * The id of a charging session (the Nchf {@code ChargingDataRef}): 8 to 64 of {@code a-z0-9-},
 * drawn at random when the session is created, so one SMF cannot guess another's sessions.
 *
 * @param value the id
 */
public record ChargingRef(String value) {
  /** Checks the form. */
  public ChargingRef {
    Objects.requireNonNull(value, "value");
    if (!isWellFormed(value)) {
      throw new IllegalArgumentException("a charging ref is 8-64 of a-z0-9-");
    }
  }

  /** Whether {@code value} would make a charging ref. */
  public static boolean isWellFormed(String value) {
    if (value == null || value.length() < 8 || value.length() > 64) {
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
