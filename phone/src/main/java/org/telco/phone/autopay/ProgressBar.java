package org.telco.phone.autopay;

import java.io.PrintStream;

/**
 * A one-line progress bar for long address books, redrawn in place with a carriage return: {@code
 * [#######.............] 35/100 8613800000001 REOPENED}.
 */
final class ProgressBar {
  private static final int WIDTH = 20;

  private final PrintStream out;
  private final int total;
  private int done;

  ProgressBar(PrintStream out, int total) {
    this.out = out;
    this.total = total;
  }

  void step(String what) {
    done++;
    int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
    out.printf(
        "\r[%s%s] %4d/%d  %-45s",
        "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, what);
    out.flush();
  }

  void done() {
    out.println();
  }
}
