package org.telco.app.console;

import java.util.Locale;

/** How the console prints money and data: yuan with two decimals, bytes in MB or GB. */
public final class Amounts {
  private static final long MEGABYTE = 1_000_000L;
  private static final long GIGABYTE = 1_000_000_000L;

  private Amounts() {}

  /** {@code 1234} fen as {@code "12.34"}; negative amounts keep their sign. */
  public static String yuan(long fen) {
    String sign = fen < 0 ? "-" : "";
    long abs = Math.abs(fen);
    return sign + abs / 100 + "." + String.format(Locale.ROOT, "%02d", abs % 100);
  }

  /** Bytes in GB above a gigabyte, else in MB, one decimal. */
  public static String data(long bytes) {
    return bytes >= GIGABYTE
        ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) GIGABYTE)
        : String.format(Locale.ROOT, "%.1f MB", bytes / (double) MEGABYTE);
  }

  /** A rate with one decimal. */
  public static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%.1f", perSecond);
  }
}
