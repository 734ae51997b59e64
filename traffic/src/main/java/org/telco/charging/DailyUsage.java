package org.telco.charging;

import java.time.LocalDate;
import java.util.Objects;
import org.telco.traffic.RatingGroup;

/**
 * The data one app (rating group) used on one day, all subscribers together: what partners see of
 * the traffic they sponsor.
 *
 * @param day the day, in the operator's time zone
 * @param ratingGroup the app
 * @param bytes the data used
 */
public record DailyUsage(LocalDate day, RatingGroup ratingGroup, long bytes) {
  /** Checks the amount. */
  public DailyUsage {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(ratingGroup, "ratingGroup");
    if (bytes < 0) {
      throw new IllegalArgumentException("usage is not negative");
    }
  }
}
