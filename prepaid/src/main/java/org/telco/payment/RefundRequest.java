package org.telco.payment;

import java.time.Instant;
import java.util.Objects;

/**
 * What a client asks for: give back {@code amountFen} of a payment. As with {@link PaymentRequest},
 * the amount is judged by {@link PaymentRules}.
 *
 * @param refundId the client-chosen refund id, unique within the payment
 * @param paymentId the payment refunded
 * @param amountFen how much
 */
public record RefundRequest(RefundId refundId, PaymentId paymentId, long amountFen) {
  /** Requires the ids. */
  public RefundRequest {
    Objects.requireNonNull(refundId, "refundId");
    Objects.requireNonNull(paymentId, "paymentId");
  }

  /** The refund this request becomes once accepted at {@code at}. */
  public Refund toRefund(Instant at) {
    return new Refund(refundId, paymentId, amountFen, at);
  }
}
