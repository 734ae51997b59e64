package org.telco.subscriber;

/**
 * Why a service password was refused, in precedence order: a password with several faults gets the
 * first that applies, so the same password always gets the same answer.
 */
public enum PasswordRejection {
  /** Fewer than {@link PasswordPolicy#LENGTH_MIN} characters (an empty password included). */
  TOO_SHORT,
  /** More than {@link PasswordPolicy#LENGTH_MAX} characters. */
  TOO_LONG,
  /** A control character (below U+0020, or U+007F), which no keypad can type. */
  CONTROL_CHARACTER,
  /** One character repeated, such as {@code 888888}. */
  ALL_SAME_CHARACTER,
  /** A run of consecutive characters up or down, such as {@code 123456} or {@code 987654}. */
  SEQUENTIAL_RUN
}
