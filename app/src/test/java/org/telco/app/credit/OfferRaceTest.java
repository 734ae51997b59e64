package org.telco.app.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.telco.app.InterleavingSubscriberStore;
import org.telco.credit.Advance;
import org.telco.credit.AdvanceState;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.NewAccount;
import org.telco.payment.Payer;
import org.telco.payment.PaymentChannel;
import org.telco.payment.PaymentId;
import org.telco.payment.PaymentRequest;
import org.telco.subscriber.BillingCycles;
import org.telco.subscriber.InMemorySubscriberStore;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.PlanId;
import org.telco.subscriber.ServicePassword;
import org.telco.subscriber.StateChange;
import org.telco.subscriber.StateChangeReason;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.SubscriberState;

/**
 * A top-up racing the offer timer at the same instant. Whatever the order, a number that a top-up
 * re-opened never gets an advance, a number never gets two, and the money adds up. The two
 * narrowest orders are pinned; then many numbers race for real on two threads.
 */
class OfferRaceTest {
  private static final Instant T0 = Instant.parse("2026-01-15T02:00:00Z");
  private static final long FEE = 1_800;
  private static final long TOP_UP = 3_000;

  private final InterleavingSubscriberStore subscribers =
      new InterleavingSubscriberStore(new InMemorySubscriberStore());
  private final InMemoryOperator alpha = new InMemoryOperator(T0, subscribers, 100);

  @AfterEach
  void stop() {
    alpha.close();
  }

  /** The top-up re-opens the number just before the offer writes its state: no advance. */
  @Test
  void aTopUpLandingJustBeforeTheOfferLeavesNoAdvance() {
    Subscriber alice = subscribe("8613800000011");
    Instant offerDue = barAll();
    alpha.clock.advance(Duration.between(alpha.clock.instant(), offerDue));
    subscribers.beforeNextUpdate(() -> pay("first", alice));

    alpha.tick();
    alpha.advance(Duration.ofMinutes(1)); // the offer, postponed as stale, fires again

    assertThat(alpha.advances.of(alice.msisdn())).isEmpty();
    assertThat(state(alice)).isEqualTo(SubscriberState.ACTIVE);
    assertThat(reasons(alice))
        .containsExactly(
            StateChangeReason.SUBSCRIBED,
            StateChangeReason.FEE_UNPAID,
            StateChangeReason.ARREARS_PAID);
    assertThat(alpha.timers.pendingCount()).isZero();
    assertBooks(List.of(alice));
  }

  /**
   * The offer writes its state just before the top-up would re-open the number: the advance stands
   * (the number was barred when it was decided), and the top-up repays it at once.
   */
  @Test
  void anOfferLandingJustBeforeTheTopUpsReopeningIsRepaidByIt() {
    Subscriber bob = subscribe("8613800000012");
    Instant offerDue = barAll();
    alpha.clock.advance(Duration.between(alpha.clock.instant(), offerDue));
    subscribers.beforeNextUpdate(alpha::tick);

    pay("second", bob);

    List<Advance> advances = alpha.advances.of(bob.msisdn());
    assertThat(advances).hasSize(1);
    assertThat(advances.getFirst().state()).isEqualTo(AdvanceState.REPAID);
    assertThat(state(bob)).isEqualTo(SubscriberState.ACTIVE);
    assertThat(reasons(bob))
        .containsExactly(
            StateChangeReason.SUBSCRIBED,
            StateChangeReason.FEE_UNPAID,
            StateChangeReason.EMERGENCY_CREDIT_GRANTED,
            StateChangeReason.ADVANCE_REPAID);
    assertThat(money(bob)).isEqualTo(TOP_UP - FEE);
    assertBooks(List.of(bob));
  }

  @RepeatedTest(3)
  void manyTopUpsRacingTheirOffersNeverMakeAnAdvanceForAReopenedNumberNorTwo() throws Exception {
    List<Subscriber> numbers = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      numbers.add(subscribe("86138000002" + String.format("%02d", i)));
    }
    Instant offerDue = barAll();
    alpha.clock.advance(Duration.between(alpha.clock.instant(), offerDue));

    // The offers fire once a third of the top-ups are in, while the rest keep coming: numbers
    // re-opened before, numbers racing their offer, and numbers topping up after it.
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger paid = new AtomicInteger();
    try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
      Future<?> offers =
          threads.submit(
              () -> {
                start.await();
                while (paid.get() < numbers.size() / 3) {
                  Thread.onSpinWait();
                }
                alpha.tick();
                return null;
              });
      Future<?> payers =
          threads.submit(
              () -> {
                start.await();
                for (Subscriber number : numbers) {
                  pay("race-" + number.msisdn().digits(), number);
                  paid.incrementAndGet();
                }
                return null;
              });
      start.countDown();
      offers.get();
      payers.get();
    }
    alpha.advance(Duration.ofMinutes(1)); // stale offers fire again
    alpha.advance(Duration.ofHours(73)); // and every deadline passes

    for (Subscriber number : numbers) {
      List<Advance> advances = alpha.advances.of(number.msisdn());
      List<StateChangeReason> reasons = reasons(number);
      assertThat(advances).as("advances of %s", number.msisdn()).hasSizeLessThanOrEqualTo(1);
      if (advances.isEmpty()) {
        assertThat(reasons).doesNotContain(StateChangeReason.EMERGENCY_CREDIT_GRANTED);
      } else {
        // granted straight from the bar, never after the top-up had re-opened the number
        assertThat(reasons.get(2)).isEqualTo(StateChangeReason.EMERGENCY_CREDIT_GRANTED);
        assertThat(reasons).doesNotContain(StateChangeReason.ARREARS_PAID);
        assertThat(advances.getFirst().state()).isEqualTo(AdvanceState.REPAID);
      }
      assertThat(state(number)).isEqualTo(SubscriberState.ACTIVE);
      assertThat(money(number)).isEqualTo(TOP_UP - FEE);
    }
    assertThat(alpha.timers.pendingCount()).isZero();
    assertBooks(numbers);
  }

  /** Moves the clock to the subscribers' first fee; returns when their offers fall due. */
  private Instant barAll() {
    Instant firstFee = subscribers.dueForCycle(Instant.MAX, 1).getFirst().nextCycleAt();
    alpha.advance(Duration.between(alpha.clock.instant(), firstFee));
    return firstFee.plus(alpha.policy.delay());
  }

  private Subscriber subscribe(String msisdn) {
    Subscriber subscriber =
        Subscriber.subscribe(
            new Msisdn(msisdn),
            alpha.profile.id(),
            new PlanId("standard"),
            ServicePassword.derive("Qw9-zx81".toCharArray(), new byte[16], 1),
            SubscriberAccounts.subscriberFamily(subscribers.nextFamilySerial()),
            alpha.clock.instant(),
            new BillingCycles(alpha.profile.zone()));
    alpha.ledger.open(alpha.accounts.open(subscriber)).join();
    subscribers.create(subscriber);
    return subscriber;
  }

  private void pay(String id, Subscriber subscriber) {
    int status =
        alpha
            .payments
            .pay(
                new PaymentRequest(
                    new PaymentId(id),
                    subscriber.msisdn(),
                    TOP_UP,
                    new Payer("race"),
                    PaymentChannel.SANDBOX))
            .status();
    assertThat(status).isEqualTo(201);
  }

  private SubscriberState state(Subscriber subscriber) {
    return subscribers.find(subscriber.msisdn()).orElseThrow().state();
  }

  private List<StateChangeReason> reasons(Subscriber subscriber) {
    return subscribers.history(subscriber.msisdn()).stream().map(StateChange::reason).toList();
  }

  private long money(Subscriber subscriber) {
    return credit(subscriber.moneyAccount());
  }

  /** Double entry over everything, and emergency credit lent out exactly what is owed. */
  private void assertBooks(List<Subscriber> numbers) {
    alpha.ledger.checkInvariants().join();
    long sum = 0;
    long lent = 0;
    for (NewAccount house : alpha.accounts.houseAccounts()) {
      sum += credit(house.id());
      if ((house.id().value() & 0xFF) == SubscriberAccounts.EMERGENCY_CREDIT) {
        lent -= credit(house.id());
      }
    }
    long owed = 0;
    for (Subscriber number : numbers) {
      sum += credit(number.moneyAccount()) + credit(number.arrearsAccount());
      owed += alpha.advances.of(number.msisdn()).stream().mapToLong(Advance::owedFen).sum();
    }
    assertThat(sum).as("double entry").isZero();
    assertThat(lent).as("emergency credit lent out").isEqualTo(owed);
  }

  private long credit(AccountId id) {
    return alpha.ledger.account(id).join().map(Account::creditBalance).orElseThrow();
  }
}
