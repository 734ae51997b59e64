package org.telco.payment;

import java.util.Objects;

/** The outcome of a payment: accepted (perhaps again), or rejected with one reason. */
public sealed interface PaymentResult {
  /** The payment id of the request. */
  PaymentId id();

  /**
   * The payment is recorded.
   *
   * @param payment the payment as recorded (on a replay: as first recorded, refunds included)
   * @param replayed true when an earlier request with the same id and fields recorded it
   */
  record Accepted(Payment payment, boolean replayed) implements PaymentResult {
    /** Requires the payment. */
    public Accepted {
      Objects.requireNonNull(payment, "payment");
    }

    @Override
    public PaymentId id() {
      return payment.id();
    }
  }

  /**
   * Nothing was recorded.
   *
   * @param id the request's payment id
   * @param reason the first fault in precedence order
   */
  record Rejected(PaymentId id, PaymentRejection reason) implements PaymentResult {
    /** Requires both fields. */
    public Rejected {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
