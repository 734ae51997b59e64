package org.telco.app.payment;

import org.telco.payment.Payment;

/**
 * A payment as the API shows it, with the subscriber's balances after it.
 *
 * @param id the client's payment id
 * @param msisdn the number topped up
 * @param amountFen the amount paid
 * @param payer who paid
 * @param channel how
 * @param receivedAt when it was first received
 * @param refundedFen how much of it was refunded
 * @param balanceFen the subscriber's money balance now
 * @param dueFen what the subscriber still owes now
 * @param status the subscriber's state now
 */
record PaymentJson(
    String id,
    String msisdn,
    long amountFen,
    String payer,
    String channel,
    String receivedAt,
    long refundedFen,
    long balanceFen,
    long dueFen,
    String status) {
  static PaymentJson of(Payment payment, long balanceFen, long dueFen, String status) {
    return new PaymentJson(
        payment.id().value(),
        payment.msisdn().digits(),
        payment.amountFen(),
        payment.payer().id(),
        payment.channel().name(),
        payment.receivedAt().toString(),
        payment.refundedFen(),
        balanceFen,
        dueFen,
        status);
  }
}
