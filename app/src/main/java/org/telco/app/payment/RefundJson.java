package org.telco.app.payment;

import org.telco.payment.Payment;
import org.telco.payment.Refund;

/**
 * A refund as the API shows it.
 *
 * @param refundId its id within the payment
 * @param paymentId the payment
 * @param amountFen the amount refunded
 * @param at when
 * @param paymentRefundedFen the payment's refunded total now
 */
record RefundJson(
    String refundId, String paymentId, long amountFen, String at, long paymentRefundedFen) {
  static RefundJson of(Refund refund, Payment payment) {
    return new RefundJson(
        refund.refundId().value(),
        refund.paymentId().value(),
        refund.amountFen(),
        refund.at().toString(),
        payment.refundedFen());
  }
}
