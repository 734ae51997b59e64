package org.telco.traffic;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The local hours in which an idle-time bucket may be used, such as 23:00 to 07:00. The window may
 * wrap midnight; start is inside it, end is not.
 *
 * @param start the first moment of the window
 * @param end the first moment after it
 */
public record IdleHours(LocalTime start, LocalTime end) {
  /** Checks that the window is not empty. */
  public IdleHours {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (start.equals(end)) {
      throw new IllegalArgumentException("idle hours must not be empty");
    }
  }

  /** Whether {@code at}, read in {@code zone}, falls in the window. */
  public boolean contains(Instant at, ZoneId zone) {
    LocalTime time = at.atZone(zone).toLocalTime();
    if (start.isBefore(end)) {
      return !time.isBefore(start) && time.isBefore(end);
    }
    return !time.isBefore(start) || time.isBefore(end);
  }

  /**
   * When the window that contains {@code at} closes: a grant from an idle bucket is valid no longer
   * than that, so the network asks again at the boundary.
   *
   * @throws IllegalArgumentException when {@code at} is outside the window
   */
  public Instant closingAfter(Instant at, ZoneId zone) {
    if (!contains(at, zone)) {
      throw new IllegalArgumentException(at + " is outside the idle hours");
    }
    ZonedDateTime local = at.atZone(zone);
    ZonedDateTime closing = local.with(end);
    if (!closing.isAfter(local)) {
      closing = closing.plusDays(1);
    }
    return closing.toInstant();
  }
}
