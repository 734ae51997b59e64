package org.telco.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.telco.subscriber.Msisdn;

class SandboxPaymentProviderTest {
  private static final SandboxPaymentProvider SANDBOX = new SandboxPaymentProvider(1_000);

  private static PaymentRequest request(String payer, long amountFen) {
    return new PaymentRequest(
        new PaymentId("p1"),
        new Msisdn("8613800000001"),
        amountFen,
        new Payer(payer),
        PaymentChannel.SANDBOX);
  }

  @Test
  void approvesUpToItsLimitWithAReferenceNamingThePayment() {
    assertThat(SANDBOX.capture(request("friend", 1_000)))
        .isEqualTo(new ProviderDecision.Approved("sandbox:p1"));
    assertThat(SANDBOX.capture(request("friend", 1_001)))
        .isEqualTo(new ProviderDecision.Declined(DeclineReason.LIMIT_EXCEEDED));
  }

  @Test
  void declinesPayersWhoseIdStartsWithDeclinedWhateverTheAmount() {
    assertThat(SANDBOX.capture(request("declined-card", 1)))
        .isEqualTo(new ProviderDecision.Declined(DeclineReason.PAYER_DECLINED));
    assertThat(SANDBOX.capture(request("declined-card", 5_000)))
        .isEqualTo(new ProviderDecision.Declined(DeclineReason.PAYER_DECLINED));
    assertThat(SANDBOX.capture(request("not-declined", 1)))
        .isInstanceOf(ProviderDecision.Approved.class);
  }

  @Test
  void approvesEveryRefund() {
    Payment payment = request("friend", 500).toPayment(Instant.EPOCH);
    Refund refund = new Refund(new RefundId("r1"), payment.id(), 500, Instant.EPOCH);

    assertThat(SANDBOX.refund(payment, refund))
        .isEqualTo(new ProviderDecision.Approved("sandbox:p1:r1"));
  }

  @Test
  void limitIsPositive() {
    assertThatThrownBy(() -> new SandboxPaymentProvider(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SandboxPaymentProvider.standard().limitFen())
        .isEqualTo(PaymentRules.AMOUNT_MAX_FEN_DEFAULT);
  }
}
