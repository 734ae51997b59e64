package org.telco.network;

import java.util.Objects;

/**
 * The shape of a MSISDN as the network layer takes it: 8 to 15 digits in international form, no
 * {@code +}, such as {@code 8613800000001}.
 *
 * <p>The network and messaging types keep numbers as checked strings rather than a shared value
 * type, so that this module depends on no subscriber module; whoever builds a command or a message
 * has usually checked the number already, and this check catches what slipped through.
 */
public final class MsisdnDigits {
  /** Fewest digits accepted. */
  public static final int LENGTH_MIN = 8;

  /** Most digits accepted (ITU-T E.164). */
  public static final int LENGTH_MAX = 15;

  private MsisdnDigits() {}

  /**
   * Returns {@code value} if it is a MSISDN.
   *
   * @param field the name of the field being checked, for the message
   * @throws IllegalArgumentException if it is not 8 to 15 digits
   */
  public static String require(String value, String field) {
    Objects.requireNonNull(value, field);
    if (!digits(value)) {
      throw new IllegalArgumentException(
          field + " must be a MSISDN of " + LENGTH_MIN + "-" + LENGTH_MAX + " digits: " + value);
    }
    return value;
  }

  /** Whether {@code value} is 8 to 15 ASCII digits; a loop, not a regular expression, for speed. */
  private static boolean digits(String value) {
    if (value.length() < LENGTH_MIN || value.length() > LENGTH_MAX) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
