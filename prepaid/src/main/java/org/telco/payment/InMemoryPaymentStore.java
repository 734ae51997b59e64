package org.telco.payment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference {@link PaymentStore}: maps behind the store's monitor, which makes every check and
 * write of one call atomic.
 */
public final class InMemoryPaymentStore implements PaymentStore {
  private final Map<PaymentId, Payment> payments = new HashMap<>();
  private final Map<PaymentId, List<Refund>> refunds = new HashMap<>();

  @Override
  public synchronized PaymentResult record(Payment payment) {
    Payment existing = payments.get(payment.id());
    if (existing != null) {
      return existing.sameRequestAs(payment)
          ? new PaymentResult.Accepted(existing, true)
          : new PaymentResult.Rejected(payment.id(), PaymentRejection.EXISTS_WITH_DIFFERENT_FIELDS);
    }
    Payment fresh =
        new Payment(
            payment.id(),
            payment.msisdn(),
            payment.amountFen(),
            payment.payer(),
            payment.channel(),
            payment.receivedAt(),
            0);
    payments.put(fresh.id(), fresh);
    refunds.put(fresh.id(), new ArrayList<>());
    return new PaymentResult.Accepted(fresh, false);
  }

  @Override
  public synchronized Optional<Payment> find(PaymentId id) {
    return Optional.ofNullable(payments.get(id));
  }

  @Override
  public synchronized RefundResult addRefund(Refund refund) {
    Payment payment = payments.get(refund.paymentId());
    if (payment == null) {
      return rejected(refund, PaymentRejection.PAYMENT_NOT_FOUND);
    }
    List<Refund> earlier = refunds.get(payment.id());
    for (Refund other : earlier) {
      if (other.refundId().equals(refund.refundId())) {
        return other.sameRequestAs(refund)
            ? new RefundResult.Accepted(other, payment, true)
            : rejected(refund, PaymentRejection.REFUND_EXISTS_WITH_DIFFERENT_FIELDS);
      }
    }
    if (refund.amountFen() > payment.refundableFen()) {
      return rejected(refund, PaymentRejection.REFUND_EXCEEDS_PAYMENT);
    }
    Payment refunded = payment.withRefund(refund.amountFen());
    payments.put(refunded.id(), refunded);
    earlier.add(refund);
    return new RefundResult.Accepted(refund, refunded, false);
  }

  @Override
  public synchronized boolean withdrawRefund(PaymentId paymentId, RefundId refundId) {
    List<Refund> earlier = refunds.get(paymentId);
    if (earlier == null) {
      return false;
    }
    for (Refund refund : earlier) {
      if (refund.refundId().equals(refundId)) {
        earlier.remove(refund);
        Payment payment = payments.get(paymentId);
        payments.put(paymentId, payment.withRefund(-refund.amountFen()));
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized List<Refund> refunds(PaymentId paymentId) {
    return List.copyOf(refunds.getOrDefault(paymentId, List.of()));
  }

  private static RefundResult rejected(Refund refund, PaymentRejection reason) {
    return new RefundResult.Rejected(refund.refundId(), refund.paymentId(), reason);
  }
}
