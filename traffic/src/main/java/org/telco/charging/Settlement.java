package org.telco.charging;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.telco.ledger.TransferId;
import org.telco.subscriber.TransferIds;

/**
 * What a partner owes for the traffic of its apps over a period: one charge per day, the day's
 * bytes over all its apps priced at the partner.s rate per gigabyte and rounded up to the fen
 * ({@code ceilDiv(bytes * fenPerGigabyte, 10^9)}). Each day's charge has its own transfer id,
 * {@code sponsor:<partner>:<day>}, so a period asked for again, or overlapping one settled before,
 * charges each day once.
 *
 * @param partner the partner
 * @param days the charge of each day with traffic, by day
 */
public record Settlement(Partner partner, List<DayCharge> days) {
  /** A gigabyte. */
  public static final long GIGABYTE = 1_000_000_000L;

  /**
   * One day's charge.
   *
   * @param day the day
   * @param bytes the traffic of the partner's apps that day
   * @param amountFen what it costs
   * @param transferId its ledger transfer
   */
  public record DayCharge(LocalDate day, long bytes, long amountFen, TransferId transferId) {}

  /** Freezes the days. */
  public Settlement {
    Objects.requireNonNull(partner, "partner");
    days = List.copyOf(days);
  }

  /** The settlement of {@code usage} (the partner's apps only; days after the period excluded). */
  public static Settlement of(Partner partner, List<DailyUsage> usage) {
    Map<LocalDate, Long> byDay = new TreeMap<>();
    for (DailyUsage u : usage) {
      if (partner.apps().contains(u.ratingGroup())) {
        byDay.merge(u.day(), u.bytes(), Math::addExact);
      }
    }
    List<DayCharge> days = new ArrayList<>();
    byDay.forEach(
        (day, bytes) -> {
          if (bytes > 0) {
            long fen = Math.ceilDiv(Math.multiplyExact(bytes, partner.fenPerGigabyte()), GIGABYTE);
            days.add(
                new DayCharge(
                    day, bytes, fen, TransferIds.of("sponsor", partner.id(), day.toString())));
          }
        });
    return new Settlement(partner, days);
  }

  /** The whole period's charge. */
  public long totalFen() {
    return days.stream().mapToLong(DayCharge::amountFen).sum();
  }
}
