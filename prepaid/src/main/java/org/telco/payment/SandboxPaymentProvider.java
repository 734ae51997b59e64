package org.telco.payment;

/**
 * The built-in provider for demos and tests: no money is real and every answer follows from the
 * request alone. It declines payers whose id starts with {@code declined} (so a demo can show a
 * decline), then amounts above its limit; it approves everything else, and every refund. The
 * reference of an approval is {@code sandbox:<payment id>} (and {@code :<refund id>}).
 *
 * @param limitFen the largest payment it approves
 */
public record SandboxPaymentProvider(long limitFen) implements PaymentProvider {
  /** The payer id prefix that is always declined. */
  public static final String DECLINED_PAYER_PREFIX = "declined";

  /** Requires a positive limit. */
  public SandboxPaymentProvider {
    if (limitFen <= 0) {
      throw new IllegalArgumentException("limit must be positive: " + limitFen);
    }
  }

  /** A sandbox that approves up to the default payment cap. */
  public static SandboxPaymentProvider standard() {
    return new SandboxPaymentProvider(PaymentRules.AMOUNT_MAX_FEN_DEFAULT);
  }

  @Override
  public ProviderDecision capture(PaymentRequest request) {
    if (request.payer().id().startsWith(DECLINED_PAYER_PREFIX)) {
      return new ProviderDecision.Declined(DeclineReason.PAYER_DECLINED);
    }
    if (request.amountFen() > limitFen) {
      return new ProviderDecision.Declined(DeclineReason.LIMIT_EXCEEDED);
    }
    return new ProviderDecision.Approved("sandbox:" + request.id());
  }

  @Override
  public ProviderDecision refund(Payment payment, Refund refund) {
    return new ProviderDecision.Approved("sandbox:" + payment.id() + ":" + refund.refundId());
  }
}
