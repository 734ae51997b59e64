package org.telco.subscriber;

import java.util.Optional;

/**
 * What a service password must be. The service password authorizes number portability (flow F4), so
 * the guessable ones (too short, one repeated digit, a run such as 123456) are refused when it is
 * chosen. Six characters is the usual length of an operator's numeric service password; longer ones
 * and letters are welcome.
 */
public final class PasswordPolicy {
  /** Fewest characters accepted. */
  public static final int LENGTH_MIN = 6;

  /** Most characters accepted. */
  public static final int LENGTH_MAX = 32;

  private PasswordPolicy() {}

  /** The first rule the password breaks, in {@link PasswordRejection} order, or empty if none. */
  public static Optional<PasswordRejection> check(char[] password) {
    if (password.length < LENGTH_MIN) {
      return Optional.of(PasswordRejection.TOO_SHORT);
    }
    if (password.length > LENGTH_MAX) {
      return Optional.of(PasswordRejection.TOO_LONG);
    }
    for (char c : password) {
      if (c < 0x20 || c == 0x7f) {
        return Optional.of(PasswordRejection.CONTROL_CHARACTER);
      }
    }
    if (everyStepIs(password, 0)) {
      return Optional.of(PasswordRejection.ALL_SAME_CHARACTER);
    }
    if (everyStepIs(password, 1) || everyStepIs(password, -1)) {
      return Optional.of(PasswordRejection.SEQUENTIAL_RUN);
    }
    return Optional.empty();
  }

  /**
   * Whether each character is the previous one plus {@code step}. Digits wrap around, so {@code
   * 890123} counts as a run up.
   */
  private static boolean everyStepIs(char[] password, int step) {
    for (int i = 1; i < password.length; i++) {
      int difference = password[i] - password[i - 1];
      boolean digits = isDigit(password[i]) && isDigit(password[i - 1]);
      boolean follows = digits ? Math.floorMod(difference - step, 10) == 0 : difference == step;
      if (!follows) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
