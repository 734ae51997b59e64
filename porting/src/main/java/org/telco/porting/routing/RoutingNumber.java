package org.telco.porting.routing;

import java.util.Objects;

/**
 * The prefix a network puts in front of a ported number so that calls and messages reach the
 * recipient operator, such as {@code 139001} ({@code 1390} followed by the recipient's network
 * code). Each recipient operator has one; the routing database hands it out with every record.
 *
 * @param digits 3 to 10 decimal digits
 */
public record RoutingNumber(String digits) {
  /** Fewest digits accepted. */
  public static final int LENGTH_MIN = 3;

  /** Most digits accepted. */
  public static final int LENGTH_MAX = 10;

  /** Rejects anything but 3 to 10 decimal digits. */
  public RoutingNumber {
    Objects.requireNonNull(digits, "digits");
    if (digits.length() < LENGTH_MIN
        || digits.length() > LENGTH_MAX
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(
          "routing number must be " + LENGTH_MIN + "-" + LENGTH_MAX + " digits: " + digits);
    }
  }

  @Override
  public String toString() {
    return digits;
  }
}
