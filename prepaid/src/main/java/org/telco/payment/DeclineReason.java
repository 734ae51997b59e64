package org.telco.payment;

/** Why a payment provider refused. */
public enum DeclineReason {
  /** The payer's bank, card or wallet refused. */
  PAYER_DECLINED,
  /** The amount is above what the provider takes in one payment. */
  LIMIT_EXCEEDED
}
