package org.telco.app.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.credit.Advance;
import org.telco.credit.AdvanceState;
import org.telco.credit.AdvanceTransfers;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.NewAccount;
import org.telco.ledger.TransferId;
import org.telco.ledger.TransferRequest;
import org.telco.subscriber.BillingCycles;
import org.telco.subscriber.InMemorySubscriberStore;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.PlanId;
import org.telco.subscriber.PurposeCode;
import org.telco.subscriber.ServicePassword;
import org.telco.subscriber.StateChangeReason;
import org.telco.subscriber.StateChangeResult;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.SubscriberState;
import org.telco.subscriber.SubscriberUpdate;
import org.telco.time.Fired;
import org.telco.time.Timer;
import org.telco.time.TimerHandler;

/**
 * A crash can stop an offer or a deadline between any two of its writes, and the timer then fires
 * again. Each test leaves the work where a crash would, fires the timer, and checks that the job is
 * finished exactly once: one advance, one move of money, one bill, books straight.
 */
class OfferResumeTest {
  private static final Instant T0 = Instant.parse("2026-01-15T02:00:00Z");

  private final InMemoryOperator alpha =
      new InMemoryOperator(T0, new InMemorySubscriberStore(), 100);
  private Subscriber subscriber;
  private Timer offer;
  private Fired lastFiring;

  @AfterEach
  void stop() {
    alpha.close();
  }

  @Test
  void aCrashAfterTheStateWriteLeavesTheAdvanceToTheNextFiring() {
    barredWithOfferDue();
    openByHand(); // step 1 done, then the crash

    fire(offer);

    assertFinishedOnce();
  }

  @Test
  void aCrashAfterTheAdvanceIsRecordedLeavesTheMoneyToTheNextFiring() {
    barredWithOfferDue();
    openByHand();
    Instant now = alpha.clock.instant();
    alpha.advances.grant(
        Advance.grant(
            offer.payload(),
            subscriber.msisdn(),
            1_000,
            1_000,
            now,
            now.plus(Duration.ofHours(72))));

    fire(offer);

    assertFinishedOnce();
  }

  @Test
  void anOfferFiredTwiceWholeDoesEverythingOnce() {
    barredWithOfferDue();

    fire(offer);
    fire(offer);

    assertFinishedOnce();
  }

  @Test
  void aDeadlineFiredTwiceDefaultsAndBarsOnce() {
    barredWithOfferDue();
    fire(offer);
    Advance advance = alpha.advances.of(subscriber.msisdn()).getFirst();
    alpha.clock.advance(Duration.between(alpha.clock.instant(), advance.deadline()));
    Timer deadline = OfferTimers.deadline(offer, advance.deadline());

    fire(deadline);
    fire(deadline);

    assertThat(alpha.advances.of(subscriber.msisdn()))
        .singleElement()
        .extracting(Advance::state)
        .isEqualTo(AdvanceState.DEFAULTED);
    assertThat(alpha.subscribers.history(subscriber.msisdn()))
        .filteredOn(change -> change.reason() == StateChangeReason.ADVANCE_DEFAULTED)
        .hasSize(1);
    assertThat(state()).isEqualTo(SubscriberState.BARRED_ARREARS);
    assertThat(outboxIdsStartingWith("network.command:advance-defaulted:")).hasSize(1);
    assertBooks();
  }

  /**
   * A top-up repaid the whole advance in the ledger and the process died before the advance was
   * recorded as repaid. Nothing is left to move, yet the deadline must find the repayment and not
   * default an advance the ledger shows as paid.
   */
  @Test
  void aRepaymentMovedButNotRecordedIsFoundBeforeTheDeadlineDefaults() {
    barredWithOfferDue();
    fire(offer);
    Advance advance = alpha.advances.of(subscriber.msisdn()).getFirst();
    alpha
        .ledger
        .submit(
            List.of(
                TransferRequest.posted(
                    new TransferId("payment:crashed"),
                    alpha.accounts.paymentsClearing(subscriber),
                    subscriber.moneyAccount(),
                    1_000,
                    PurposeCode.TOP_UP.code()),
                new AdvanceTransfers(alpha.accounts).repay(subscriber, advance, 1_000)))
        .join();
    alpha.clock.advance(Duration.between(alpha.clock.instant(), advance.deadline()));

    fire(OfferTimers.deadline(offer, advance.deadline()));

    Advance after = alpha.advances.of(subscriber.msisdn()).getFirst();
    assertThat(after.state()).isEqualTo(AdvanceState.REPAID);
    assertThat(after.repaidFen()).isEqualTo(1_000);
    assertThat(outboxIdsStartingWith("sms:advance-defaulted:")).isEmpty();
    // the advance is over and 800 of the fee it did not cover is still due: barred for the fee
    assertThat(state()).isEqualTo(SubscriberState.BARRED_ARREARS);
    assertThat(alpha.subscribers.history(subscriber.msisdn()).getLast().reason())
        .isEqualTo(StateChangeReason.FEE_UNPAID);
    assertThat(outboxIdsStartingWith("sms:advance-fee-due:")).hasSize(1);
    assertBooks();
  }

  private void barredWithOfferDue() {
    subscriber =
        Subscriber.subscribe(
            new Msisdn("8613800000031"),
            alpha.profile.id(),
            new PlanId("standard"),
            ServicePassword.derive("Qw9-zx81".toCharArray(), new byte[16], 1),
            SubscriberAccounts.subscriberFamily(alpha.subscribers.nextFamilySerial()),
            alpha.clock.instant(),
            new BillingCycles(alpha.profile.zone()));
    alpha.ledger.open(alpha.accounts.open(subscriber)).join();
    alpha.subscribers.create(subscriber);
    Instant firstFee = subscriber.nextCycleAt();
    alpha.clock.advance(Duration.between(alpha.clock.instant(), firstFee));
    alpha.billing.runDue();
    assertThat(state()).isEqualTo(SubscriberState.BARRED_ARREARS);
    alpha.clock.advance(alpha.policy.delay());
    List<Timer> due = alpha.timers.due(alpha.clock.instant(), 10);
    assertThat(due).singleElement().extracting(Timer::kind).isEqualTo(OfferTimers.OFFER);
    offer = due.getFirst();
  }

  /** What the offer's first step writes: the state, with its history entry. */
  private void openByHand() {
    Subscriber barred = alpha.subscribers.find(subscriber.msisdn()).orElseThrow();
    StateChangeResult.Changed changed =
        (StateChangeResult.Changed)
            barred.change(StateChangeReason.EMERGENCY_CREDIT_GRANTED, alpha.clock.instant());
    alpha.subscribers.update(SubscriberUpdate.of(changed));
  }

  private void fire(Timer timer) {
    TimerHandler handler = alpha.credit.timerHandlers().get(timer.kind());
    lastFiring = handler.fireAll(List.of(timer));
    assertThat(lastFiring.failed()).isEmpty();
  }

  private void assertFinishedOnce() {
    List<Advance> advances = alpha.advances.of(subscriber.msisdn());
    assertThat(advances).hasSize(1);
    assertThat(advances.getFirst().state()).isEqualTo(AdvanceState.OUTSTANDING);
    assertThat(state()).isEqualTo(SubscriberState.EMERGENCY_CREDIT);
    assertThat(alpha.subscribers.history(subscriber.msisdn()))
        .filteredOn(change -> change.reason() == StateChangeReason.EMERGENCY_CREDIT_GRANTED)
        .hasSize(1);
    assertThat(credit(subscriber.moneyAccount())).isZero();
    assertThat(-credit(subscriber.arrearsAccount())).isEqualTo(800);
    assertThat(outboxIdsStartingWith("sms:advance-bill:")).hasSize(1);
    assertThat(outboxIdsStartingWith("network.command:advance:")).hasSize(1);
    // The offer names its own timer as the deadline, and stays due here: only the poller re-arms
    // it.
    assertThat(lastFiring.next())
        .containsExactly(OfferTimers.deadline(offer, advances.getFirst().deadline()));
    assertThat(alpha.timers.due(Instant.MAX, 10)).containsExactly(offer);
    assertBooks();
  }

  private List<String> outboxIdsStartingWith(String prefix) {
    return OutboxItems.ids(alpha.outbox.due(Instant.MAX, 1_000)).stream()
        .filter(id -> id.startsWith(prefix))
        .toList();
  }

  private SubscriberState state() {
    return alpha.subscribers.find(subscriber.msisdn()).orElseThrow().state();
  }

  private void assertBooks() {
    alpha.ledger.checkInvariants().join();
    long sum = credit(subscriber.moneyAccount()) + credit(subscriber.arrearsAccount());
    long lent = 0;
    for (NewAccount house : alpha.accounts.houseAccounts()) {
      sum += credit(house.id());
      if ((house.id().value() & 0xFF) == SubscriberAccounts.EMERGENCY_CREDIT) {
        lent -= credit(house.id());
      }
    }
    long owed = alpha.advances.of(subscriber.msisdn()).stream().mapToLong(Advance::owedFen).sum();
    assertThat(sum).as("double entry").isZero();
    assertThat(lent).as("emergency credit lent out").isEqualTo(owed);
  }

  private long credit(AccountId id) {
    return alpha.ledger.account(id).join().map(Account::creditBalance).orElseThrow();
  }
}
