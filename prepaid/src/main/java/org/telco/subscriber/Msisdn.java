package org.telco.subscriber;

import java.util.Objects;

/**
 * A phone number in international form without the leading {@code +}: the country code followed by
 * the national number, digits only, such as {@code 8613800000001}. E.164 allows at most 15 digits;
 * fewer than 8 is no mobile number anywhere, so anything else is rejected where the value is built.
 *
 * @param digits 8 to 15 decimal digits, the first not 0
 */
public record Msisdn(String digits) implements Comparable<Msisdn> {
  /** Fewest digits accepted. */
  public static final int LENGTH_MIN = 8;

  /** Most digits accepted (E.164). */
  public static final int LENGTH_MAX = 15;

  /** Rejects anything but 8-15 digits, and a leading 0 (which no country code has). */
  public Msisdn {
    Objects.requireNonNull(digits, "digits");
    if (!isWellFormed(digits)) {
      throw new IllegalArgumentException(
          "msisdn must be "
              + LENGTH_MIN
              + "-"
              + LENGTH_MAX
              + " digits in international form, without +: "
              + digits);
    }
  }

  /** Whether {@code text} would make a valid number: 8-15 digits, the first not 0. */
  public static boolean isWellFormed(String text) {
    if (text.length() < LENGTH_MIN || text.length() > LENGTH_MAX || text.charAt(0) == '0') {
      return false;
    }
    return Digits.only(text);
  }

  /** Whether the number starts with {@code prefix}. */
  public boolean startsWith(String prefix) {
    return digits.startsWith(prefix);
  }

  @Override
  public int compareTo(Msisdn other) {
    return digits.compareTo(other.digits);
  }

  @Override
  public String toString() {
    return digits;
  }
}
