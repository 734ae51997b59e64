package org.telco.subscriber;

import java.util.Objects;

/**
 * A block of numbers allocated to an operator, given by the digits every number in it starts with,
 * in international form: {@code 86138} holds {@code 8613800000001} and every other number that
 * starts so.
 *
 * @param prefix 1 to 14 digits (a range always leaves at least one digit to vary)
 */
public record NumberRange(String prefix) {
  /** Checks the prefix. */
  public NumberRange {
    Objects.requireNonNull(prefix, "prefix");
    if (prefix.isEmpty() || prefix.length() >= Msisdn.LENGTH_MAX) {
      throw new IllegalArgumentException(
          "range prefix must have 1-" + (Msisdn.LENGTH_MAX - 1) + " digits: " + prefix);
    }
    if (!Digits.only(prefix)) {
      throw new IllegalArgumentException("range prefix must be digits only: " + prefix);
    }
  }

  /** Whether the number is in this range. */
  public boolean contains(Msisdn msisdn) {
    return msisdn.startsWith(prefix);
  }

  /** Whether the two ranges share a number: one prefix starts the other. */
  public boolean overlaps(NumberRange other) {
    return prefix.startsWith(other.prefix) || other.prefix.startsWith(prefix);
  }

  @Override
  public String toString() {
    return prefix;
  }
}
