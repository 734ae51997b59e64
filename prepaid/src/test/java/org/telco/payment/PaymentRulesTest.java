package org.telco.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.StateChangeReason;
import org.telco.subscriber.StateChangeResult;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberFixtures;
import org.telco.subscriber.SubscriberState;

class PaymentRulesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final PaymentRules RULES = new PaymentRules(10_000);
  private static final Msisdn NUMBER = new Msisdn("8613800000001");
  private static final Subscriber SUBSCRIBER =
      SubscriberFixtures.subscriber(NUMBER.digits(), 0, T0);

  private static PaymentRequest request(String id, long amountFen) {
    return new PaymentRequest(
        new PaymentId(id), NUMBER, amountFen, new Payer("friend"), PaymentChannel.SANDBOX);
  }

  private static Subscriber in(SubscriberState state) {
    return switch (state) {
      case ACTIVE -> SUBSCRIBER;
      case BARRED_ARREARS -> moved(SUBSCRIBER, StateChangeReason.FEE_UNPAID);
      case SUSPENDED_VOLUNTARY -> moved(SUBSCRIBER, StateChangeReason.SUSPENDED_BY_REQUEST);
      case EMERGENCY_CREDIT ->
          moved(in(SubscriberState.BARRED_ARREARS), StateChangeReason.EMERGENCY_CREDIT_GRANTED);
      case PORTED_OUT -> moved(SUBSCRIBER, StateChangeReason.PORTED_OUT);
      case CLOSED -> moved(SUBSCRIBER, StateChangeReason.CLOSED);
    };
  }

  private static Subscriber moved(Subscriber subscriber, StateChangeReason reason) {
    return ((StateChangeResult.Changed) subscriber.change(reason, T0)).subscriber();
  }

  @Test
  void paymentForAnActiveNumberProceeds() {
    assertThat(RULES.checkPayment(request("p1", 500), Optional.empty(), Optional.of(SUBSCRIBER)))
        .isEqualTo(new Verdict.Proceed<Payment>());
  }

  @ParameterizedTest
  @EnumSource(names = {"ACTIVE", "BARRED_ARREARS", "SUSPENDED_VOLUNTARY"})
  void numbersInServiceTakePaymentsEvenWhenRestricted(SubscriberState state) {
    assertThat(RULES.checkPayment(request("p1", 500), Optional.empty(), Optional.of(in(state))))
        .isInstanceOf(Verdict.Proceed.class);
  }

  @ParameterizedTest
  @EnumSource(names = {"PORTED_OUT", "CLOSED"})
  void portedOutAndClosedNumbersAreNotInService(SubscriberState state) {
    assertThat(RULES.checkPayment(request("p1", 500), Optional.empty(), Optional.of(in(state))))
        .isEqualTo(new Verdict.Reject<Payment>(PaymentRejection.NUMBER_NOT_IN_SERVICE));
  }

  @Test
  void aNumberWithoutSubscriberIsNotOurs() {
    assertThat(RULES.checkPayment(request("p1", 500), Optional.empty(), Optional.empty()))
        .isEqualTo(new Verdict.Reject<Payment>(PaymentRejection.NUMBER_NOT_OURS));
  }

  @Test
  void amountMustBePositiveAndWithinTheCap() {
    assertThat(RULES.checkPayment(request("p1", 0), Optional.empty(), Optional.of(SUBSCRIBER)))
        .isEqualTo(new Verdict.Reject<Payment>(PaymentRejection.AMOUNT_MUST_BE_POSITIVE));
    assertThat(RULES.checkPayment(request("p1", -5), Optional.empty(), Optional.of(SUBSCRIBER)))
        .isEqualTo(new Verdict.Reject<Payment>(PaymentRejection.AMOUNT_MUST_BE_POSITIVE));
    assertThat(RULES.checkPayment(request("p1", 10_000), Optional.empty(), Optional.of(SUBSCRIBER)))
        .isInstanceOf(Verdict.Proceed.class);
    assertThat(RULES.checkPayment(request("p1", 10_001), Optional.empty(), Optional.of(SUBSCRIBER)))
        .isEqualTo(new Verdict.Reject<Payment>(PaymentRejection.AMOUNT_TOO_LARGE));
    assertThat(PaymentRules.standard().amountMaxFen()).isEqualTo(5_000_000);
  }

  @Test
  void sameIdWithSameFieldsIsAReplayEvenAfterTheNumberLeft() {
    Payment earlier = request("p1", 500).toPayment(T0).withRefund(100);

    assertThat(
            RULES.checkPayment(
                request("p1", 500),
                Optional.of(earlier),
                Optional.of(in(SubscriberState.PORTED_OUT))))
        .isEqualTo(new Verdict.Replay<>(earlier));
    assertThat(RULES.checkPayment(request("p1", 500), Optional.of(earlier), Optional.empty()))
        .isEqualTo(new Verdict.Replay<>(earlier));
  }

  @Test
  void sameIdWithDifferentFieldsIsRejected() {
    Payment earlier = request("p1", 500).toPayment(T0);

    assertThat(
            RULES.checkPayment(request("p1", 600), Optional.of(earlier), Optional.of(SUBSCRIBER)))
        .isEqualTo(new Verdict.Reject<Payment>(PaymentRejection.EXISTS_WITH_DIFFERENT_FIELDS));
  }

  @Test
  void paymentFaultsAreReportedInPrecedenceOrder() {
    Payment earlier = request("p1", 500).toPayment(T0);
    Optional<Subscriber> closed = Optional.of(in(SubscriberState.CLOSED));

    assertThat(RULES.checkPayment(request("p1", 0), Optional.of(earlier), Optional.empty()))
        .isEqualTo(new Verdict.Reject<Payment>(PaymentRejection.AMOUNT_MUST_BE_POSITIVE));
    assertThat(RULES.checkPayment(request("p1", 20_000), Optional.of(earlier), Optional.empty()))
        .isEqualTo(new Verdict.Reject<Payment>(PaymentRejection.AMOUNT_TOO_LARGE));
    assertThat(RULES.checkPayment(request("p1", 600), Optional.of(earlier), Optional.empty()))
        .isEqualTo(new Verdict.Reject<Payment>(PaymentRejection.EXISTS_WITH_DIFFERENT_FIELDS));
    assertThat(RULES.checkPayment(request("p2", 600), Optional.empty(), Optional.empty()))
        .isEqualTo(new Verdict.Reject<Payment>(PaymentRejection.NUMBER_NOT_OURS));
    assertThat(RULES.checkPayment(request("p2", 600), Optional.empty(), closed))
        .isEqualTo(new Verdict.Reject<Payment>(PaymentRejection.NUMBER_NOT_IN_SERVICE));
  }

  @Test
  void refundWithinWhatIsLeftOfThePaymentProceeds() {
    Payment payment = request("p1", 500).toPayment(T0).withRefund(200);
    Refund earlier = new Refund(new RefundId("r1"), payment.id(), 200, T0);

    assertThat(
            RULES.checkRefund(
                new RefundRequest(new RefundId("r2"), payment.id(), 300),
                Optional.of(payment),
                List.of(earlier)))
        .isEqualTo(new Verdict.Proceed<Refund>());
    assertThat(
            RULES.checkRefund(
                new RefundRequest(new RefundId("r2"), payment.id(), 301),
                Optional.of(payment),
                List.of(earlier)))
        .isEqualTo(new Verdict.Reject<Refund>(PaymentRejection.REFUND_EXCEEDS_PAYMENT));
  }

  @Test
  void refundFaultsAreReportedInPrecedenceOrder() {
    Payment full = request("p1", 500).toPayment(T0).withRefund(500);
    Refund earlier = new Refund(new RefundId("r1"), full.id(), 500, T0);
    RefundId r1 = new RefundId("r1");

    assertThat(RULES.checkRefund(new RefundRequest(r1, full.id(), 0), Optional.empty(), List.of()))
        .isEqualTo(new Verdict.Reject<Refund>(PaymentRejection.AMOUNT_MUST_BE_POSITIVE));
    assertThat(
            RULES.checkRefund(new RefundRequest(r1, full.id(), 600), Optional.empty(), List.of()))
        .isEqualTo(new Verdict.Reject<Refund>(PaymentRejection.PAYMENT_NOT_FOUND));
    assertThat(
            RULES.checkRefund(
                new RefundRequest(r1, full.id(), 600), Optional.of(full), List.of(earlier)))
        .isEqualTo(
            new Verdict.Reject<Refund>(PaymentRejection.REFUND_EXISTS_WITH_DIFFERENT_FIELDS));
    assertThat(
            RULES.checkRefund(
                new RefundRequest(r1, full.id(), 500), Optional.of(full), List.of(earlier)))
        .isEqualTo(new Verdict.Replay<>(earlier));
    assertThat(
            RULES.checkRefund(
                new RefundRequest(new RefundId("r2"), full.id(), 1),
                Optional.of(full),
                List.of(earlier)))
        .isEqualTo(new Verdict.Reject<Refund>(PaymentRejection.REFUND_EXCEEDS_PAYMENT));
  }
}
