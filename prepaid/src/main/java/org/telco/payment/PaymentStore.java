package org.telco.payment;

import java.util.List;
import java.util.Optional;

/**
 * Where payments and refunds are kept (port). It is the authority on idempotency and on the refund
 * limit: both are decided atomically here, so concurrent requests with one payment id record one
 * payment, and concurrent refunds never add up to more than the payment. {@link
 * InMemoryPaymentStore} is the reference implementation; every implementation passes the same
 * contract suite. Safe for concurrent use.
 */
public interface PaymentStore {
  /**
   * Records a payment (with nothing refunded) unless its id is taken. A taken id is a replay when
   * the stored payment {@linkplain Payment#sameRequestAs is the same request}, answered with the
   * stored payment, and EXISTS_WITH_DIFFERENT_FIELDS otherwise.
   */
  PaymentResult record(Payment payment);

  /** The payment with this id, with its refunded total. */
  Optional<Payment> find(PaymentId id);

  /**
   * Records a refund and adds it to its payment's refunded total, if the total stays within the
   * payment. Precedence: PAYMENT_NOT_FOUND, REFUND_EXISTS_WITH_DIFFERENT_FIELDS (the refund id is
   * taken for this payment with another amount; the same amount is a replay), then
   * REFUND_EXCEEDS_PAYMENT.
   */
  RefundResult addRefund(Refund refund);

  /**
   * Takes back a refund whose money could not move (the ledger refused it, say because the balance
   * was spent meanwhile): the refund row goes and the payment's refunded total drops by its amount,
   * so the refund id may be tried again. Returns whether there was such a refund.
   */
  boolean withdrawRefund(PaymentId paymentId, RefundId refundId);

  /** The payment's refunds, in the order they were recorded. */
  List<Refund> refunds(PaymentId paymentId);
}
