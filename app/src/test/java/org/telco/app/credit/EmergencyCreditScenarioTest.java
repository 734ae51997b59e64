package org.telco.app.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.credit.Advance;
import org.telco.credit.AdvanceState;
import org.telco.credit.EmergencyCreditPolicy;
import org.telco.credit.QuietHours;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.NewAccount;
import org.telco.messaging.SmsMessages;
import org.telco.outbox.OutboxMessage;
import org.telco.payment.Payer;
import org.telco.payment.PaymentChannel;
import org.telco.payment.PaymentId;
import org.telco.payment.PaymentRequest;
import org.telco.subscriber.BillingCycles;
import org.telco.subscriber.InMemorySubscriberStore;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.NumberState;
import org.telco.subscriber.PlanId;
import org.telco.subscriber.ServicePassword;
import org.telco.subscriber.StateChange;
import org.telco.subscriber.StateChangeReason;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.SubscriberState;

/**
 * Flow F1 told as time passes: a number barred for its fee waits 30 minutes, gets an advance and is
 * open again, then repays it or defaults. The fee run, payments, timers and ledger are the real
 * ones on the reference stores; after every step the ledger's books are checked: every account
 * together sums to zero, and the emergency-credit account holds exactly what is owed on advances.
 */
class EmergencyCreditScenarioTest {
  /** 10:00 in Shanghai; fees fall due at local midnight on the 15th of later months. */
  private static final Instant T0 = Instant.parse("2026-01-15T02:00:00Z");

  private static final long FEE = 1_800; // the standard plan
  private static final long ADVANCE = 1_000; // the default advance

  private InMemoryOperator alpha = new InMemoryOperator(T0, new InMemorySubscriberStore(), 100);

  @AfterEach
  void stop() {
    alpha.close();
  }

  @Test
  void anAdvanceAfterThirtyMinutesIsRepaidByATopUpBeforeTheDeadline() {
    Subscriber alice = subscribe("8613800000001", "standard");
    barredAtFirstFee(alice);

    alpha.advance(Duration.ofMinutes(29));
    assertThat(state(alice)).isEqualTo(SubscriberState.BARRED_ARREARS);
    assertThat(alpha.advances.of(alice.msisdn())).isEmpty();
    assertBooks(alice);

    alpha.advance(Duration.ofMinutes(1));
    Advance advance = onlyAdvance(alice);
    assertThat(advance.state()).isEqualTo(AdvanceState.OUTSTANDING);
    assertThat(advance.amountFen()).isEqualTo(ADVANCE);
    assertThat(advance.coveredFen()).isEqualTo(ADVANCE);
    assertThat(advance.deadline()).isEqualTo(alpha.clock.instant().plus(Duration.ofHours(72)));
    assertThat(state(alice)).isEqualTo(SubscriberState.EMERGENCY_CREDIT);
    assertThat(NumberState.of(alpha.subscribers.find(alice.msisdn())))
        .isEqualTo(NumberState.NORMAL);
    assertThat(money(alice)).isZero();
    assertThat(due(alice)).isEqualTo(FEE - ADVANCE);
    assertThat(smsTo(alice, "advance-bill:"))
        .singleElement()
        .asString()
        .contains("advanced you 10.00 yuan", "paid 10.00 yuan of your overdue monthly fee")
        .contains("by 2026-02-18 00:30"); // fees fall due at local midnight
    assertThat(outboxIds()).contains("network.command:advance:" + advance.id());
    assertBooks(alice);

    alpha.advance(Duration.ofHours(10));
    assertThat(pay("top-up-1", alice, 3_000)).isEqualTo(201);

    Advance repaid = onlyAdvance(alice);
    assertThat(repaid.state()).isEqualTo(AdvanceState.REPAID);
    assertThat(repaid.repaidFen()).isEqualTo(ADVANCE);
    assertThat(state(alice)).isEqualTo(SubscriberState.ACTIVE);
    assertThat(money(alice)).isEqualTo(3_000 - ADVANCE - (FEE - ADVANCE));
    assertThat(due(alice)).isZero();
    assertThat(smsTo(alice, "advance-repaid:"))
        .singleElement()
        .asString()
        .contains("fully re-opened");
    assertThat(reasons(alice))
        .containsExactly(
            StateChangeReason.SUBSCRIBED,
            StateChangeReason.FEE_UNPAID,
            StateChangeReason.EMERGENCY_CREDIT_GRANTED,
            StateChangeReason.ADVANCE_REPAID);
    assertBooks(alice);

    alpha.advance(Duration.ofHours(72)); // the deadline passes: nothing left to do
    assertThat(onlyAdvance(alice)).isEqualTo(repaid);
    assertThat(state(alice)).isEqualTo(SubscriberState.ACTIVE);
    assertBooks(alice);
  }

  @Test
  void noTopUpByTheDeadlineBarsAgainAndTheNextTopUpsRecoverTheDebtFirst() {
    Subscriber bob = subscribe("8613800000002", "standard");
    barredAtFirstFee(bob);
    alpha.advance(Duration.ofMinutes(30));
    assertThat(state(bob)).isEqualTo(SubscriberState.EMERGENCY_CREDIT);

    alpha.advance(Duration.ofHours(72).minusMinutes(1));
    assertThat(state(bob)).isEqualTo(SubscriberState.EMERGENCY_CREDIT);
    alpha.advance(Duration.ofMinutes(1));

    Advance defaulted = onlyAdvance(bob);
    assertThat(defaulted.state()).isEqualTo(AdvanceState.DEFAULTED);
    assertThat(state(bob)).isEqualTo(SubscriberState.BARRED_ARREARS);
    assertThat(reasons(bob)).endsWith(StateChangeReason.ADVANCE_DEFAULTED);
    assertThat(smsTo(bob, "advance-defaulted:"))
        .singleElement()
        .asString()
        .contains("10.00 yuan of it is unpaid, so your number is barred again");
    assertThat(outboxIds()).contains("network.command:advance-defaulted:" + defaulted.id());
    assertBooks(bob);

    assertThat(pay("small", bob, 400)).isEqualTo(201);
    Advance partly = onlyAdvance(bob);
    assertThat(partly.state()).isEqualTo(AdvanceState.DEFAULTED);
    assertThat(partly.repaidFen()).isEqualTo(400);
    assertThat(due(bob)).isEqualTo(FEE - ADVANCE); // the debt first, the fee after
    assertThat(state(bob)).isEqualTo(SubscriberState.BARRED_ARREARS);
    assertThat(smsTo(bob, "advance-part:"))
        .singleElement()
        .asString()
        .contains("6.00 yuan is still owed");
    assertBooks(bob);

    assertThat(pay("enough", bob, 2_000)).isEqualTo(201);
    Advance recovered = onlyAdvance(bob);
    assertThat(recovered.state()).isEqualTo(AdvanceState.RECOVERED);
    assertThat(due(bob)).isZero();
    assertThat(money(bob)).isEqualTo(400 + 2_000 - ADVANCE - (FEE - ADVANCE));
    assertThat(state(bob)).isEqualTo(SubscriberState.ACTIVE);
    assertThat(reasons(bob)).endsWith(StateChangeReason.ARREARS_PAID);
    assertBooks(bob);
  }

  @Test
  void anIneligibleNumberGetsNoAdvance() {
    alpha.close();
    alpha =
        new InMemoryOperator(
            T0,
            new InMemorySubscriberStore(),
            100,
            new EmergencyCreditPolicy(
                Duration.ofMinutes(30),
                Duration.ofHours(72),
                ADVANCE,
                Map.of(),
                Duration.ofDays(60), // a month-old number is too young
                Duration.ofDays(180),
                QuietHours.none(ZoneOffset.UTC)));
    Subscriber young = subscribe("8613800000003", "standard");
    barredAtFirstFee(young);

    alpha.advance(Duration.ofMinutes(30));

    assertThat(alpha.advances.of(young.msisdn())).isEmpty();
    assertThat(state(young)).isEqualTo(SubscriberState.BARRED_ARREARS);
    assertThat(alpha.timers.pendingCount()).as("the offer fired and is done").isZero();
    assertBooks(young);
  }

  @Test
  void aNumberSubscribedInFebruaryGetsItsAdvanceAtItsFirstFee() {
    // 10:00 on 10 February; the first fee at midnight on 10 March is 27 days 14 hours later, yet
    // the number has been a subscriber for all 28 days of February (the default minimum tenure).
    alpha.close();
    alpha =
        new InMemoryOperator(
            Instant.parse("2027-02-10T02:00:00Z"), new InMemorySubscriberStore(), 100);
    Subscriber fay = subscribe("8613800000007", "standard");
    barredAtFirstFee(fay);

    alpha.advance(Duration.ofMinutes(30));

    assertThat(state(fay)).isEqualTo(SubscriberState.EMERGENCY_CREDIT);
    assertThat(onlyAdvance(fay).amountFen()).isEqualTo(ADVANCE);
    assertBooks(fay);
  }

  @Test
  void aTopUpWithinTheThirtyMinutesMeansNoAdvance() {
    Subscriber dave = subscribe("8613800000005", "standard");
    barredAtFirstFee(dave);
    alpha.advance(Duration.ofMinutes(10));
    assertThat(pay("quick", dave, FEE)).isEqualTo(201);
    assertThat(state(dave)).isEqualTo(SubscriberState.ACTIVE);

    alpha.advance(Duration.ofMinutes(20));

    assertThat(alpha.advances.of(dave.msisdn())).isEmpty();
    assertThat(state(dave)).isEqualTo(SubscriberState.ACTIVE);
    assertThat(alpha.timers.pendingCount()).isZero();
    assertBooks(dave);
  }

  @Test
  void theBillWaitsForTheEndOfTheQuietHours() {
    Subscriber erin = subscribe("8613800000006", "standard");
    barredAtFirstFee(erin); // at midnight in Shanghai, when the cycle starts

    alpha.advance(Duration.ofMinutes(30)); // 00:30: the advance at once, its SMS at 08:00

    assertThat(state(erin)).isEqualTo(SubscriberState.EMERGENCY_CREDIT);
    OutboxMessage bill = billOf(erin);
    assertThat(bill.nextAttemptAt()).isEqualTo(Instant.parse("2026-02-15T00:00:00Z")); // 08:00
    assertThat(alpha.outbox.due(alpha.clock.instant(), 1_000)).doesNotContain(bill);
    assertThat(alpha.outbox.due(bill.nextAttemptAt(), 1_000)).contains(bill);
  }

  private OutboxMessage billOf(Subscriber subscriber) {
    return alpha.outbox.due(Instant.MAX, 10_000).stream()
        .filter(
            m ->
                OutboxItems.ids(List.of(m)).stream()
                    .anyMatch(
                        id -> id.startsWith("sms:advance-bill:" + subscriber.msisdn().digits())))
        .findFirst()
        .orElseThrow();
  }

  private Subscriber subscribe(String msisdn, String plan) {
    Subscriber subscriber =
        Subscriber.subscribe(
            new Msisdn(msisdn),
            alpha.profile.id(),
            new PlanId(plan),
            ServicePassword.derive("Qw9-zx81".toCharArray(), new byte[16], 1),
            SubscriberAccounts.subscriberFamily(alpha.subscribers.nextFamilySerial()),
            alpha.clock.instant(),
            new BillingCycles(alpha.profile.zone()));
    alpha.ledger.open(alpha.accounts.open(subscriber)).join();
    alpha.subscribers.create(subscriber);
    return subscriber;
  }

  /** Moves the clock to the subscriber's first fee, which its empty balance cannot pay. */
  private void barredAtFirstFee(Subscriber subscriber) {
    Instant firstFee = alpha.subscribers.find(subscriber.msisdn()).orElseThrow().nextCycleAt();
    if (alpha.clock.instant().isBefore(firstFee)) {
      alpha.advance(Duration.between(alpha.clock.instant(), firstFee));
    } else {
      alpha.tick();
    }
    assertThat(state(subscriber)).isEqualTo(SubscriberState.BARRED_ARREARS);
    assertThat(due(subscriber)).isEqualTo(FEE);
  }

  private int pay(String id, Subscriber subscriber, long fen) {
    return alpha
        .payments
        .pay(
            new PaymentRequest(
                new PaymentId(id),
                subscriber.msisdn(),
                fen,
                new Payer("scenario"),
                PaymentChannel.SANDBOX))
        .status();
  }

  private Advance onlyAdvance(Subscriber subscriber) {
    List<Advance> advances = alpha.advances.of(subscriber.msisdn());
    assertThat(advances).hasSize(1);
    return advances.getFirst();
  }

  private SubscriberState state(Subscriber subscriber) {
    return alpha.subscribers.find(subscriber.msisdn()).orElseThrow().state();
  }

  private List<StateChangeReason> reasons(Subscriber subscriber) {
    return alpha.subscribers.history(subscriber.msisdn()).stream()
        .map(StateChange::reason)
        .toList();
  }

  private List<String> smsTo(Subscriber subscriber, String kind) {
    return alpha.outbox.due(Instant.MAX, 10_000).stream()
        .filter(m -> m.topic().equals(SmsMessages.TOPIC))
        .flatMap(m -> SmsMessages.smsAll(m).stream())
        .filter(sms -> sms.id().startsWith(kind) && sms.to().equals(subscriber.msisdn().digits()))
        .map(sms -> sms.text())
        .toList();
  }

  private List<String> outboxIds() {
    return OutboxItems.ids(alpha.outbox.due(Instant.MAX, 10_000));
  }

  private long money(Subscriber subscriber) {
    return credit(subscriber.moneyAccount());
  }

  private long due(Subscriber subscriber) {
    return -credit(subscriber.arrearsAccount());
  }

  /**
   * The books after a step: the ledger's own invariants hold, all accounts together sum to zero
   * (double entry), and emergency credit has lent out exactly what the advances still owe.
   */
  private void assertBooks(Subscriber subscriber) {
    alpha.ledger.checkInvariants().join();
    long sum = 0;
    long lent = 0;
    for (NewAccount house : alpha.accounts.houseAccounts()) {
      sum += credit(house.id());
      if (SubscriberAccounts.family(house.id()) >= 0
          && (house.id().value() & 0xFF) == SubscriberAccounts.EMERGENCY_CREDIT) {
        lent -= credit(house.id());
      }
    }
    sum += credit(subscriber.moneyAccount()) + credit(subscriber.arrearsAccount());
    long owed = alpha.advances.of(subscriber.msisdn()).stream().mapToLong(Advance::owedFen).sum();
    assertThat(sum).as("double entry").isZero();
    assertThat(lent).as("emergency credit lent out").isEqualTo(owed);
  }

  private long credit(AccountId id) {
    return alpha.ledger.account(id).join().map(Account::creditBalance).orElseThrow();
  }
}
