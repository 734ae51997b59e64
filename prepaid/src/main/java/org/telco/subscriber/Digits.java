package org.telco.subscriber;

/**
 * The check that numbers, SIM identities and number ranges share: ASCII digits and nothing else.
 */
final class Digits {
  private Digits() {}

  /**
   * Whether every character of {@code text} is {@code 0}-{@code 9} (true for an empty text); a
   * loop, not a regular expression, since numbers are checked on every request.
   */
  static boolean only(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
