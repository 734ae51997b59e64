package org.telco.phone.autopay;

/** What the agent concluded about one number. */
public enum Outcome {
  /** In service already: nothing paid. */
  ALREADY_NORMAL,
  /** Barred for a small debt: the preset amount re-opened it, then the chosen amount was paid. */
  REOPENED,
  /** Barred for more: a plan price re-opened it, then the chosen amount was paid. */
  REOPENED_AFTER_PLAN_PRICE,
  /** Still restricted after every plan price: suspended on purpose; what was paid is refunded. */
  VOLUNTARILY_SUSPENDED,
  /** Not a subscriber of any operator: nothing paid. */
  UNKNOWN_NUMBER,
  /** A cap stopped the payments before the number re-opened. */
  CAP_REACHED,
  /** Dry run: restricted, and the preset amount would be paid. */
  WOULD_PAY,
  /** The network failed or refused; what happened so far is in the journal. */
  FAILED
}
