package org.telco.phone.autopay;

/**
 * One payment of a run as the journal knows it.
 *
 * @param paymentId the idempotency id sent to the network
 * @param msisdn the number paid
 * @param operatorId the operator it was paid at
 * @param amountFen the amount
 * @param step why: {@code preset}, {@code plan-<fee>} or {@code amount}
 * @param landed whether the network confirmed it
 * @param refundedFen what was refunded of it
 */
public record JournalPayment(
    String paymentId,
    String msisdn,
    String operatorId,
    long amountFen,
    String step,
    boolean landed,
    long refundedFen) {
  JournalPayment asLanded() {
    return new JournalPayment(paymentId, msisdn, operatorId, amountFen, step, true, refundedFen);
  }

  JournalPayment withRefunded(long fen) {
    return new JournalPayment(paymentId, msisdn, operatorId, amountFen, step, landed, fen);
  }
}
