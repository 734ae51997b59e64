package org.telco.ledger;

/** Limits an account enforces on every transfer that touches it. */
public enum AccountFlag {
  /**
   * Debits (posted plus pending) may never exceed posted credits. Set on accounts that hold a
   * customer's money, such as a prepaid balance: it cannot go negative.
   */
  DEBITS_MUST_NOT_EXCEED_CREDITS,
  /**
   * Credits (posted plus pending) may never exceed posted debits. Set on accounts that must not be
   * over-funded, such as an advance that may only be repaid up to what was lent.
   */
  CREDITS_MUST_NOT_EXCEED_DEBITS
}
