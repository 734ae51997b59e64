package org.telco.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.Ledger;
import org.telco.ledger.TransferId;
import org.telco.ledger.TransferRejection;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.subscriber.FamilyShards;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.PurposeCode;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.SubscriberFixtures;

/**
 * The payment transfers, by id and by what they do to a real ledger: top-ups, fees, what is due,
 * settling it and refunds, with money conserved after each step.
 */
class PaymentTransfersTest {
  private static final Instant T0 = Instant.parse("2026-01-31T10:00:00Z");
  private static final LocalDate FEBRUARY = LocalDate.parse("2026-02-28");
  private static final LocalDate MARCH = LocalDate.parse("2026-03-31");

  private final SubscriberAccounts accounts = new SubscriberAccounts(new FamilyShards(4));
  private final PaymentTransfers transfers = new PaymentTransfers(accounts);
  private final Subscriber subscriber = SubscriberFixtures.subscriber("8613800000001", 7, T0);
  private Ledger ledger;

  @BeforeEach
  void openAccounts() {
    ledger = Ledger.empty();
    List<org.telco.ledger.NewAccount> opening = new ArrayList<>(accounts.houseAccounts());
    opening.addAll(accounts.open(subscriber));
    ledger.open(opening, T0);
  }

  private static Payment payment(String id, long amountFen) {
    return new PaymentRequest(
            new PaymentId(id),
            new Msisdn("8613800000001"),
            amountFen,
            new Payer("8613900000009"),
            PaymentChannel.SANDBOX)
        .toPayment(T0);
  }

  private TransferResult submit(TransferRequest request) {
    TransferResult result = ledger.submit(List.of(request), T0).getFirst();
    ledger.checkInvariants();
    return result;
  }

  private long balance(AccountId id) {
    return ledger.account(id).map(Account::creditBalance).orElseThrow();
  }

  private long due() {
    return -balance(subscriber.arrearsAccount());
  }

  @Test
  void topUpMovesThePaymentFromClearingToMoneyUnderThePaymentsId() {
    TransferRequest topUp = transfers.topUp(subscriber, payment("p-1", 5_000));

    assertThat(topUp)
        .isEqualTo(
            TransferRequest.posted(
                new TransferId("payment:p-1"),
                accounts.paymentsClearing(subscriber),
                subscriber.moneyAccount(),
                5_000,
                PurposeCode.TOP_UP.code()));
    assertThat(submit(topUp)).isInstanceOf(TransferResult.Accepted.class);
    assertThat(submit(topUp))
        .isEqualTo(new TransferResult.Accepted(ledger.transfer(topUp.id()).orElseThrow(), true));
    assertThat(balance(subscriber.moneyAccount())).isEqualTo(5_000);
    assertThat(balance(accounts.paymentsClearing(subscriber))).isEqualTo(-5_000);
  }

  @Test
  void feeThatMoneyCannotPayIsRefusedAndRecordedAsDue() {
    submit(transfers.topUp(subscriber, payment("p-1", 500)));

    TransferResult fee = submit(accounts.chargeFee(subscriber, 800, FEBRUARY));
    TransferResult due = submit(accounts.recordDue(subscriber, 800, FEBRUARY));

    assertThat(fee)
        .isEqualTo(
            new TransferResult.Rejected(
                new TransferId("fee:8613800000001:2026-02-28"), TransferRejection.EXCEEDS_CREDITS));
    assertThat(due).isInstanceOf(TransferResult.Accepted.class);
    assertThat(due()).isEqualTo(800);
    assertThat(balance(subscriber.moneyAccount())).isEqualTo(500);
    assertThat(balance(accounts.feeRevenue(subscriber))).isEqualTo(800);
  }

  @Test
  void settlingPaysWhatIsDueAsFarAsMoneyCoversIt() {
    submit(accounts.recordDue(subscriber, 800, FEBRUARY));
    submit(accounts.recordDue(subscriber, 800, MARCH));
    submit(transfers.topUp(subscriber, payment("p-1", 1_000)));

    TransferRequest settle =
        transfers
            .settle(subscriber, new PaymentId("p-1"), due(), balance(subscriber.moneyAccount()))
            .orElseThrow();

    assertThat(settle.id()).isEqualTo(new TransferId("settle:p-1"));
    assertThat(settle.amount()).isEqualTo(1_000);
    assertThat(settle.debitAccountId()).isEqualTo(subscriber.moneyAccount());
    assertThat(settle.creditAccountId()).isEqualTo(subscriber.arrearsAccount());
    assertThat(settle.code()).isEqualTo(PurposeCode.ARREARS_SETTLED.code());
    assertThat(submit(settle)).isInstanceOf(TransferResult.Accepted.class);
    assertThat(due()).isEqualTo(600);
    assertThat(balance(subscriber.moneyAccount())).isZero();
  }

  @Test
  void settlingStopsAtWhatIsDueAndTheArrearsAccountCannotBeOverpaid() {
    submit(accounts.recordDue(subscriber, 800, FEBRUARY));
    submit(transfers.topUp(subscriber, payment("p-1", 5_000)));

    TransferRequest settle =
        transfers
            .settle(subscriber, new PaymentId("p-1"), due(), balance(subscriber.moneyAccount()))
            .orElseThrow();
    submit(settle);
    TransferRequest overpay =
        TransferRequest.posted(
            new TransferId("settle:p-2"),
            subscriber.moneyAccount(),
            subscriber.arrearsAccount(),
            1,
            PurposeCode.ARREARS_SETTLED.code());

    assertThat(settle.amount()).isEqualTo(800);
    assertThat(due()).isZero();
    assertThat(balance(subscriber.moneyAccount())).isEqualTo(4_200);
    assertThat(submit(overpay))
        .isEqualTo(new TransferResult.Rejected(overpay.id(), TransferRejection.EXCEEDS_DEBITS));
  }

  @Test
  void nothingToSettleWhenNothingIsDueOrNoMoneyIsThere() {
    PaymentId id = new PaymentId("p-1");

    assertThat(transfers.settle(subscriber, id, 0, 5_000)).isEmpty();
    assertThat(transfers.settle(subscriber, id, 800, 0)).isEmpty();
  }

  @Test
  void refundTakesMoneyBackToClearingAndNeedsTheMoneyToBeThere() {
    Payment payment = payment("p-1", 1_000);
    submit(transfers.topUp(subscriber, payment));
    submit(accounts.chargeFee(subscriber, 800, FEBRUARY));
    Refund small = new Refund(new RefundId("r-1"), payment.id(), 200, T0);
    Refund large = new Refund(new RefundId("r-2"), payment.id(), 300, T0);

    TransferRequest refund = transfers.refund(subscriber, payment, small);

    assertThat(refund)
        .isEqualTo(
            TransferRequest.posted(
                new TransferId("refund:p-1:r-1"),
                subscriber.moneyAccount(),
                accounts.paymentsClearing(subscriber),
                200,
                PurposeCode.REFUND.code()));
    assertThat(submit(refund)).isInstanceOf(TransferResult.Accepted.class);
    assertThat(balance(accounts.paymentsClearing(subscriber))).isEqualTo(-800);
    assertThat(submit(transfers.refund(subscriber, payment, large)))
        .isEqualTo(
            new TransferResult.Rejected(
                new TransferId("refund:p-1:r-2"), TransferRejection.EXCEEDS_CREDITS));
  }

  @Test
  void longPaymentIdsStillGiveValidDeterministicIds() {
    Payment payment = payment("p".repeat(64), 1_000);
    Refund refund = new Refund(new RefundId("r".repeat(64)), payment.id(), 100, T0);

    assertThat(transfers.topUp(subscriber, payment).id().value()).startsWith("payment.h:");
    assertThat(transfers.refund(subscriber, payment, refund).id())
        .isEqualTo(transfers.refund(subscriber, payment, refund).id());
    assertThat(submit(transfers.topUp(subscriber, payment)))
        .isInstanceOf(TransferResult.Accepted.class);
  }

  @Test
  void transfersForAnotherNumbersPaymentAreABug() {
    Subscriber other = SubscriberFixtures.subscriber("8613800000002", 8, T0);
    Payment payment = payment("p-1", 1_000);

    assertThatThrownBy(() -> transfers.topUp(other, payment))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                transfers.refund(
                    subscriber,
                    payment,
                    new Refund(new RefundId("r"), new PaymentId("p-2"), 1, T0)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
