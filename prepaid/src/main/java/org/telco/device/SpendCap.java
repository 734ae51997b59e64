package org.telco.device;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How much a device may charge its payer in a calendar month of the operator's zone.
 *
 * <p>Why a calendar month and not the payer's billing cycle ({@link
 * org.telco.subscriber.BillingCycles}): the cap belongs to the device, not to a subscription. A
 * device re-bound to another number would otherwise change months mid-way, and "this month" on a TV
 * screen means the calendar month. The month of a purchase is that of its instant in {@code zone}:
 * a purchase at 23:30 UTC on 31 March is an April purchase in Beijing.
 *
 * @param monthlyFen most the device may spend in one month
 * @param zone the operator's zone, where months begin at midnight
 */
public record SpendCap(long monthlyFen, ZoneId zone) {
  /** Requires a positive cap and the zone. */
  public SpendCap {
    Objects.requireNonNull(zone, "zone");
    if (monthlyFen <= 0) {
      throw new IllegalArgumentException("a cap is positive: " + monthlyFen);
    }
  }

  /** The month {@code at} falls in. */
  public YearMonth monthOf(Instant at) {
    return YearMonth.from(at.atZone(zone));
  }

  /** When {@code month} begins: midnight of its first day in the zone (inclusive). */
  public Instant start(YearMonth month) {
    return month.atDay(1).atStartOfDay(zone).toInstant();
  }

  /** When {@code month} ends: the start of the next one (exclusive). */
  public Instant end(YearMonth month) {
    return start(month.plusMonths(1));
  }
}
