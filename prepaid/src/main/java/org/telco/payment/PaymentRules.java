package org.telco.payment;

import java.util.List;
import java.util.Optional;
import org.telco.subscriber.Subscriber;

/**
 * The rules a payment or refund must meet, checked in {@link PaymentRejection} precedence order
 * against what is stored. The payment store applies the idempotency and refund-limit rules again,
 * atomically, because two requests may pass these checks at the same time.
 *
 * <p>Payments are accepted for barred and suspended numbers (that is what a top-up is for), not for
 * ported-out or closed ones.
 *
 * @param amountMaxFen the largest single payment accepted
 */
public record PaymentRules(long amountMaxFen) {
  /** The default cap on one payment: 50,000 yuan. */
  public static final long AMOUNT_MAX_FEN_DEFAULT = 5_000_000;

  /** Requires a positive cap. */
  public PaymentRules {
    if (amountMaxFen <= 0) {
      throw new IllegalArgumentException("the payment cap is positive: " + amountMaxFen);
    }
  }

  /** Rules with the default cap. */
  public static PaymentRules standard() {
    return new PaymentRules(AMOUNT_MAX_FEN_DEFAULT);
  }

  /**
   * Judges a payment request.
   *
   * @param existing the stored payment with the request's id, if any
   * @param subscriber the subscriber with the request's number, if any
   */
  public Verdict<Payment> checkPayment(
      PaymentRequest request, Optional<Payment> existing, Optional<Subscriber> subscriber) {
    if (request.amountFen() <= 0) {
      return new Verdict.Reject<>(PaymentRejection.AMOUNT_MUST_BE_POSITIVE);
    }
    if (request.amountFen() > amountMaxFen) {
      return new Verdict.Reject<>(PaymentRejection.AMOUNT_TOO_LARGE);
    }
    if (existing.isPresent()) {
      Payment payment = existing.get();
      if (!payment.id().equals(request.id())) {
        throw new IllegalArgumentException("payment " + payment.id() + " is not " + request.id());
      }
      return payment.sameRequestAs(request)
          ? new Verdict.Replay<>(payment)
          : new Verdict.Reject<>(PaymentRejection.EXISTS_WITH_DIFFERENT_FIELDS);
    }
    if (subscriber.isEmpty()) {
      return new Verdict.Reject<>(PaymentRejection.NUMBER_NOT_OURS);
    }
    if (!subscriber.get().state().inService()) {
      return new Verdict.Reject<>(PaymentRejection.NUMBER_NOT_IN_SERVICE);
    }
    return new Verdict.Proceed<>();
  }

  /**
   * Judges a refund request.
   *
   * @param payment the payment it names, if stored
   * @param refunds the payment's refunds so far
   */
  public Verdict<Refund> checkRefund(
      RefundRequest request, Optional<Payment> payment, List<Refund> refunds) {
    if (request.amountFen() <= 0) {
      return new Verdict.Reject<>(PaymentRejection.AMOUNT_MUST_BE_POSITIVE);
    }
    if (payment.isEmpty()) {
      return new Verdict.Reject<>(PaymentRejection.PAYMENT_NOT_FOUND);
    }
    for (Refund refund : refunds) {
      if (refund.refundId().equals(request.refundId())) {
        return refund.amountFen() == request.amountFen()
            ? new Verdict.Replay<>(refund)
            : new Verdict.Reject<>(PaymentRejection.REFUND_EXISTS_WITH_DIFFERENT_FIELDS);
      }
    }
    if (request.amountFen() > payment.get().refundableFen()) {
      return new Verdict.Reject<>(PaymentRejection.REFUND_EXCEEDS_PAYMENT);
    }
    return new Verdict.Proceed<>();
  }
}
