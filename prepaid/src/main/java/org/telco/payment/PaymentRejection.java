package org.telco.payment;

/**
 * Why a payment or refund was refused. The constants are in precedence order: when a request has
 * several faults, the first matching one is reported, so the same request in the same state always
 * gets the same answer. A payment can get AMOUNT_MUST_BE_POSITIVE to NUMBER_NOT_IN_SERVICE and
 * DECLINED_BY_PROVIDER; a refund AMOUNT_MUST_BE_POSITIVE and PAYMENT_NOT_FOUND to
 * REFUND_EXCEEDS_PAYMENT.
 *
 * <p>Field checks come first, then the idempotency check, then the number: so a retry of an
 * accepted payment is answered as a replay even after its number was ported out.
 */
public enum PaymentRejection {
  /** The amount is zero or negative. */
  AMOUNT_MUST_BE_POSITIVE,
  /** The payment amount is above the operator's cap for one payment. */
  AMOUNT_TOO_LARGE,
  /** The payment id was used by a payment with a different number, amount, payer or channel. */
  EXISTS_WITH_DIFFERENT_FIELDS,
  /** No subscriber of this operator has the number. */
  NUMBER_NOT_OURS,
  /** The number was ported out or closed: a top-up would strand the money. */
  NUMBER_NOT_IN_SERVICE,
  /** The refund names no payment. */
  PAYMENT_NOT_FOUND,
  /** The refund id was used for this payment with a different amount. */
  REFUND_EXISTS_WITH_DIFFERENT_FIELDS,
  /** The refund, with the earlier refunds of the payment, would exceed the payment. */
  REFUND_EXCEEDS_PAYMENT,
  /** The payment provider declined to collect the money. */
  DECLINED_BY_PROVIDER
}
