package org.telco.phone.autopay;

import java.io.PrintStream;
import java.util.List;
import org.telco.phone.autopay.AddressBookAutopay.ContactResult;

/** The table printed at the end of a run: one row per number, then the totals. */
public final class SummaryTable {
  private SummaryTable() {}

  /** Prints {@code results} to {@code out}. */
  public static void print(List<ContactResult> results, boolean dryRun, PrintStream out) {
    String row = "%-22s %-15s %-8s %-26s %9s %9s  %s%n";
    out.printf(row, "contact", "number", "operator", "outcome", "paid", "refunded", "mark");
    long paid = 0;
    long refunded = 0;
    for (ContactResult contact : results) {
      for (NumberResult number : contact.numbers()) {
        out.printf(
            row,
            cut(contact.name(), 22),
            number.msisdn(),
            number.operatorId(),
            number.outcome(),
            yuan(number.paidFen()),
            yuan(number.refundedFen()),
            contact.mark().map(m -> m.name()).orElse("-"));
        paid += number.paidFen();
        refunded += number.refundedFen();
      }
    }
    out.printf(
        "%s: paid %s yuan, refunded %s yuan, net %s yuan%n",
        dryRun ? "dry run, nothing paid" : "total",
        yuan(paid),
        yuan(refunded),
        yuan(paid - refunded));
  }

  private static String yuan(long fen) {
    return String.format("%d.%02d", fen / 100, Math.abs(fen % 100));
  }

  private static String cut(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}
