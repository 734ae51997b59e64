package org.telco.payment;

import java.time.Instant;
import java.util.Objects;

/**
 * Part or all of a payment given back to the payer, out of the subscriber's balance. A payment's
 * refunds never add up to more than it. The same refund id with the same amount is the same refund.
 *
 * @param refundId the client-chosen id, unique within the payment
 * @param paymentId the payment refunded
 * @param amountFen how much, positive
 * @param at when it was accepted
 */
public record Refund(RefundId refundId, PaymentId paymentId, long amountFen, Instant at) {
  /** Checks the amount. */
  public Refund {
    Objects.requireNonNull(refundId, "refundId");
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(at, "at");
    if (amountFen <= 0) {
      throw new IllegalArgumentException("a refund amount is positive: " + amountFen);
    }
  }

  /** Whether {@code other} is this refund asked for again: same ids and amount. */
  public boolean sameRequestAs(Refund other) {
    return refundId.equals(other.refundId)
        && paymentId.equals(other.paymentId)
        && amountFen == other.amountFen;
  }
}
