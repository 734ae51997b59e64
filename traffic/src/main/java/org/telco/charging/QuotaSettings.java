package org.telco.charging;

/**
 * How the charging function sizes and times its grants.
 *
 * @param defaultQuotaBytes granted when the SMF asks for quota without naming an amount
 * @param maxQuotaBytes the most one grant gives, whatever is asked
 * @param validitySeconds how long a grant is valid before the SMF must report (validityTime)
 * @param quotaHoldingSeconds idle time after which the SMF returns the quota (quotaHoldingTime)
 * @param thresholdPercent the share of a grant left when the SMF should ask for more
 *     (volumeQuotaThreshold)
 * @param reservationGraceSeconds how long a reservation outlives its validity before the ledger
 *     voids it by itself, for an SMF that never reports
 */
public record QuotaSettings(
    long defaultQuotaBytes,
    long maxQuotaBytes,
    long validitySeconds,
    long quotaHoldingSeconds,
    int thresholdPercent,
    long reservationGraceSeconds) {
  /** 10 MB by default, at most 100 MB, valid an hour, held 5 minutes, threshold 20%. */
  public static final QuotaSettings DEFAULT =
      new QuotaSettings(10_000_000L, 100_000_000L, 3_600, 300, 20, 600);

  /** Checks the ranges. */
  public QuotaSettings {
    if (defaultQuotaBytes <= 0 || maxQuotaBytes < defaultQuotaBytes) {
      throw new IllegalArgumentException("0 < defaultQuotaBytes <= maxQuotaBytes");
    }
    if (validitySeconds <= 0 || quotaHoldingSeconds < 0 || reservationGraceSeconds <= 0) {
      throw new IllegalArgumentException("validity and grace are positive");
    }
    if (thresholdPercent < 0 || thresholdPercent >= 100) {
      throw new IllegalArgumentException("thresholdPercent is 0-99");
    }
  }

  /** What to grant for a request of {@code requestedBytes} (0 or less: not named). */
  public long quotaFor(long requestedBytes) {
    return requestedBytes <= 0 ? defaultQuotaBytes : Math.min(requestedBytes, maxQuotaBytes);
  }

  /** The threshold for a grant of {@code grantedBytes}. */
  public long thresholdFor(long grantedBytes) {
    return grantedBytes / 100 * thresholdPercent + grantedBytes % 100 * thresholdPercent / 100;
  }
}
