package org.telco.subscriber;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Anniversary billing: a subscriber's cycles start at midnight (in the operator's zone) on the
 * day-of-month they subscribed, and on the last day of shorter months. Cycle {@code k} starts on
 * the subscription date plus {@code k} months, always counted from the subscription date and not
 * from the previous cycle, so a subscriber of 31 January is billed on 31 Jan, 28 (or 29) Feb, 31
 * Mar, 30 Apr, 31 May, ... and never drifts to the 28th.
 *
 * <p>Why anniversary and not calendar months: the fee run spreads over the month instead of
 * charging every subscriber at midnight of the 1st (the monthly fee run then handles about 1/30 of
 * the base per day), and a new subscriber's first cycle is a whole month with no proration rule.
 *
 * <p>Cycle 0 starts on the subscription day itself; it is the welcome cycle, free of fee, because a
 * new number has no balance yet. The first fee is charged at cycle 1.
 *
 * @param zone where calendar days are counted
 */
public record BillingCycles(ZoneId zone) {
  /** Requires the zone. */
  public BillingCycles {
    Objects.requireNonNull(zone, "zone");
  }

  /** The subscription date: the day-of-month every cycle starts on (clamped to the month's end). */
  public LocalDate anchor(Instant subscribedAt) {
    return LocalDate.ofInstant(subscribedAt, zone);
  }

  /** When cycle {@code cycle} (0 = the welcome cycle) of a subscription starts. */
  public Instant start(Instant subscribedAt, long cycle) {
    if (cycle < 0) {
      throw new IllegalArgumentException("cycles count from 0: " + cycle);
    }
    return anchor(subscribedAt).plusMonths(cycle).atStartOfDay(zone).toInstant();
  }

  /** The start of the first cycle that begins strictly after {@code instant}. */
  public Instant nextStartAfter(Instant subscribedAt, Instant instant) {
    LocalDate anchor = anchor(subscribedAt);
    long months = ChronoUnit.MONTHS.between(anchor, LocalDate.ofInstant(instant, zone));
    // The month count can be one short (the clamped day lies before the anchor's day-of-month)
    // or one long, so step from just below it until the start passes the instant.
    long cycle = Math.max(0, months - 1);
    while (!start(subscribedAt, cycle).isAfter(instant)) {
      cycle++;
    }
    return start(subscribedAt, cycle);
  }

  /** The calendar date a cycle starts on, as it appears in fee transfer ids. */
  public LocalDate dateOf(Instant cycleStart) {
    return LocalDate.ofInstant(cycleStart, zone);
  }
}
