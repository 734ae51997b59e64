package org.telco.traffic;

/**
 * The steps of a two-phase traffic purchase between the traffic platform and the charging platform,
 * in the seed's order. A purchase moves forward one step at a time, or to VOIDED from any step
 * before the last.
 */
public enum PurchaseStep {
  /** Pre-authentication passed: subscriber, product, eligibility and price checked. */
  PRE_AUTHENTICATED,
  /** Pre-deduction: the charging platform holds the price as a pending transfer. */
  PRE_DEDUCTED,
  /** Authentication confirmed: the bucket (pending data) or the card is created. */
  AUTHENTICATION_CONFIRMED,
  /** Deduction confirmed: the pending money and data are posted. The purchase is complete. */
  DEDUCTION_CONFIRMED,
  /** Voided at some step: nothing moved, no bucket or card is usable. */
  VOIDED;

  /** Whether nothing follows this step. */
  public boolean isFinal() {
    return this == DEDUCTION_CONFIRMED || this == VOIDED;
  }

  /** The step after this one on the way to completion. */
  public PurchaseStep next() {
    return switch (this) {
      case PRE_AUTHENTICATED -> PRE_DEDUCTED;
      case PRE_DEDUCTED -> AUTHENTICATION_CONFIRMED;
      case AUTHENTICATION_CONFIRMED -> DEDUCTION_CONFIRMED;
      case DEDUCTION_CONFIRMED, VOIDED -> throw new IllegalStateException("nothing after " + this);
    };
  }
}
