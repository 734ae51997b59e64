package org.telco.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telco.subscriber.Msisdn;

class PaymentValuesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Msisdn NUMBER = new Msisdn("8613800000001");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "p",
        "pay-2026.01:0001_x",
        "0123456789012345678901234567890123456789012345678901234567890123"
      })
  void paymentIdsAreOneToSixtyFourSafeCharacters(String id) {
    assertThat(new PaymentId(id).value()).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "has space",
        "slash/",
        "01234567890123456789012345678901234567890123456789012345678901234"
      })
  void otherPaymentIdsAreRejected(String id) {
    assertThatThrownBy(() -> new PaymentId(id)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refundIdsHaveNoColon() {
    assertThat(new RefundId("r-1.a_b").value()).isEqualTo("r-1.a_b");
    assertThatThrownBy(() -> new RefundId("r:1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RefundId("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void payerIsANumberOrAFreeTextId() {
    assertThat(new Payer("8613900000009").msisdn()).contains(new Msisdn("8613900000009"));
    assertThat(new Payer("Acme Ltd. (order 42)").msisdn()).isEmpty();
    assertThatThrownBy(() -> new Payer(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Payer("x".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Payer("line\nbreak")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void paymentAmountIsPositiveAndNeverLessThanItsRefunds() {
    PaymentId id = new PaymentId("p1");
    Payer payer = new Payer("friend");

    assertThatThrownBy(() -> new Payment(id, NUMBER, 0, payer, PaymentChannel.CARD, T0, 0))
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> new Payment(id, NUMBER, 100, payer, PaymentChannel.CARD, T0, 101))
        .hasMessageContaining("refunded");
    assertThatThrownBy(() -> new Payment(id, NUMBER, 100, payer, PaymentChannel.CARD, T0, -1))
        .hasMessageContaining("refunded");
    assertThatThrownBy(() -> new Refund(new RefundId("r"), id, 0, T0))
        .hasMessageContaining("positive");
  }

  @Test
  void sameRequestIgnoresTimeAndRefundsButNothingElse() {
    PaymentRequest request =
        new PaymentRequest(
            new PaymentId("p1"), NUMBER, 500, new Payer("friend"), PaymentChannel.CARD);
    Payment payment = request.toPayment(T0).withRefund(200);

    assertThat(payment.sameRequestAs(request)).isTrue();
    assertThat(payment.refundableFen()).isEqualTo(300);
    assertThat(payment.request()).isEqualTo(request);
    assertThat(payment.sameRequestAs(request.toPayment(T0.plusSeconds(9)))).isTrue();
    assertThat(
            payment.sameRequestAs(
                new PaymentRequest(request.id(), NUMBER, 501, request.payer(), request.channel())))
        .isFalse();
    assertThat(
            payment.sameRequestAs(
                new PaymentRequest(
                    request.id(),
                    new Msisdn("8613800000002"),
                    500,
                    request.payer(),
                    request.channel())))
        .isFalse();
    assertThat(
            payment.sameRequestAs(
                new PaymentRequest(
                    request.id(), NUMBER, 500, new Payer("other"), request.channel())))
        .isFalse();
    assertThat(
            payment.sameRequestAs(
                new PaymentRequest(
                    request.id(), NUMBER, 500, request.payer(), PaymentChannel.WALLET)))
        .isFalse();
    assertThat(
            payment.sameRequestAs(
                new PaymentRequest(
                    new PaymentId("p2"), NUMBER, 500, request.payer(), request.channel())))
        .isFalse();
  }
}
