package org.telco.charging;

import java.util.Objects;
import org.telco.traffic.RatingGroup;

/**
 * What one request says about one rating group (an Nchf {@code multipleUnitUsage} entry): the usage
 * since the last report, and whether more quota is wanted.
 *
 * @param group the rating group
 * @param quotaRequested whether it asks for quota ({@code requestedUnit} present)
 * @param requestedBytes how much it asks for, 0 when it names no amount
 * @param usageReported whether it reports usage ({@code usedUnitContainer} present)
 * @param usedBytes the data used since the last report
 */
public record UnitRequest(
    RatingGroup group,
    boolean quotaRequested,
    long requestedBytes,
    boolean usageReported,
    long usedBytes) {
  /** Checks the amounts. */
  public UnitRequest {
    Objects.requireNonNull(group, "group");
    if (requestedBytes < 0 || usedBytes < 0) {
      throw new IllegalArgumentException("no negative volume");
    }
  }
}
