package org.telco.credit;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The hours in which no advance SMS is sent, in the operator's zone, such as 22:00 to 08:00. The
 * advance itself is not delayed (the line re-opens at once); only its bill waits for morning. A
 * window whose start equals its end has no quiet hours.
 *
 * @param start when quiet begins (inclusive)
 * @param end when it ends (exclusive); before {@code start} for a window across midnight
 * @param zone the zone the times are read in
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {
  /** Requires every field. */
  public QuietHours {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(zone, "zone");
  }

  /** No quiet hours at all. */
  public static QuietHours none(ZoneId zone) {
    return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, zone);
  }

  /** Whether {@code at} falls in the quiet hours. */
  public boolean isQuiet(Instant at) {
    if (start.equals(end)) {
      return false;
    }
    LocalTime time = at.atZone(zone).toLocalTime();
    return start.isBefore(end)
        ? !time.isBefore(start) && time.isBefore(end)
        : !time.isBefore(start) || time.isBefore(end);
  }

  /** {@code at} itself when it is not quiet, else the end of its quiet hours. */
  public Instant nextSendable(Instant at) {
    if (!isQuiet(at)) {
      return at;
    }
    ZonedDateTime local = at.atZone(zone);
    ZonedDateTime end = local.with(this.end);
    if (!end.isAfter(local)) {
      end = end.plusDays(1);
    }
    return end.toInstant();
  }
}
