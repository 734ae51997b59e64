package org.telco.traffic;

import java.util.Objects;

/**
 * A traffic card's number, as printed for the buyer to hand on: {@code TC} and 12 characters of an
 * alphabet without look-alikes ({@code 23456789ABCDEFGHJKMNPQRSTUVWXYZ}). Whoever holds it can bind
 * the card once, so it is drawn at random ({@link CardNumbers}).
 *
 * @param value the number
 */
public record CardId(String value) {
  /** The characters of a card number after {@code TC}. */
  public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

  /** Characters after the prefix. */
  public static final int LENGTH = 12;

  /** Checks the form. */
  public CardId {
    Objects.requireNonNull(value, "value");
    if (!isWellFormed(value)) {
      throw new IllegalArgumentException("a card number is TC and 12 of " + ALPHABET);
    }
  }

  /** Whether {@code value} would make a card number. */
  public static boolean isWellFormed(String value) {
    if (value == null || value.length() != LENGTH + 2 || !value.startsWith("TC")) {
      return false;
    }
    for (int i = 2; i < value.length(); i++) {
      if (ALPHABET.indexOf(value.charAt(i)) < 0) {
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
