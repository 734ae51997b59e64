package org.telco.traffic;

/**
 * Draws new card numbers (port): randomness comes in from outside, so a test or a simulation can
 * seed it. Production draws from a {@link java.security.SecureRandom}.
 */
@FunctionalInterface
public interface CardNumbers {
  /** A fresh card number. */
  CardId next();

  /** Numbers drawn from {@code random}. */
  static CardNumbers from(java.util.random.RandomGenerator random) {
    return () -> {
      StringBuilder number = new StringBuilder("TC");
      for (int i = 0; i < CardId.LENGTH; i++) {
        number.append(CardId.ALPHABET.charAt(random.nextInt(CardId.ALPHABET.length())));
      }
      return new CardId(number.toString());
    };
  }
}
