package org.telco.charging;

/** The outcome for one rating group (the Nchf {@code ResultCode}s charging uses). */
public enum UnitResult {
  /** Granted, or usage taken. */
  SUCCESS,
  /** Nothing left: no bucket pays for it and the money does not cover pay-as-you-go. */
  QUOTA_LIMIT_REACHED,
  /** The subscriber may not use data now (barred, suspended). */
  END_USER_SERVICE_DENIED
}
