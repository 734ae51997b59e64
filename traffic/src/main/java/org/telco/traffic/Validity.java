package org.telco.traffic;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * How long a bucket stays usable once it is created.
 *
 * @param days 0 for "to the end of the calendar month it starts in", else that many days
 */
public record Validity(int days) {
  /** To the end of the month, the rule of packs (当月有效, 次月失效). */
  public static final Validity END_OF_MONTH = new Validity(0);

  /** Checks the range: 0 to 3,660 days. */
  public Validity {
    if (days < 0 || days > 3_660) {
      throw new IllegalArgumentException("validity days 0-3660: " + days);
    }
  }

  /** When a bucket created at {@code from} stops being usable, months read in {@code zone}. */
  public Instant until(Instant from, ZoneId zone) {
    Objects.requireNonNull(from, "from");
    if (days > 0) {
      return from.plusSeconds(days * 86_400L);
    }
    return from.atZone(zone)
        .toLocalDate()
        .with(TemporalAdjusters.firstDayOfNextMonth())
        .atStartOfDay(zone)
        .toInstant();
  }
}
