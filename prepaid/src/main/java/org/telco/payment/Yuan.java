package org.telco.payment;

/** Fen shown as yuan with two decimals, as messages to subscribers read: 1234 fen is "12.34". */
public final class Yuan {
  private Yuan() {}

  /** {@code fen} as yuan, such as {@code 12.34}, {@code 0.05} or {@code -3.50}. */
  public static String of(long fen) {
    if (fen < 0) {
      return "-" + of(-fen);
    }
    long cents = fen % 100;
    // Not String.format: bills are written a million at a time, and a format string is parsed anew
    // on every call.
    return fen / 100 + (cents < 10 ? ".0" : ".") + cents;
  }
}
