package org.telco.payment;

import java.util.Objects;

/** The outcome of a refund: accepted (perhaps again), or rejected with one reason. */
public sealed interface RefundResult {
  /** The refund id of the request. */
  RefundId refundId();

  /**
   * The refund is recorded against its payment.
   *
   * @param refund the refund as recorded (on a replay: as first recorded)
   * @param payment the payment with this refund counted
   * @param replayed true when an earlier request with the same ids and amount recorded it
   */
  record Accepted(Refund refund, Payment payment, boolean replayed) implements RefundResult {
    /** Requires both records. */
    public Accepted {
      Objects.requireNonNull(refund, "refund");
      Objects.requireNonNull(payment, "payment");
    }

    @Override
    public RefundId refundId() {
      return refund.refundId();
    }
  }

  /**
   * Nothing was recorded.
   *
   * @param refundId the request's refund id
   * @param paymentId the payment it named
   * @param reason the first fault in precedence order
   */
  record Rejected(RefundId refundId, PaymentId paymentId, PaymentRejection reason)
      implements RefundResult {
    /** Requires every field. */
    public Rejected {
      Objects.requireNonNull(refundId, "refundId");
      Objects.requireNonNull(paymentId, "paymentId");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
