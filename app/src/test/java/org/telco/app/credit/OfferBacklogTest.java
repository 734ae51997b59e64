package org.telco.app.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.credit.Advance;
import org.telco.credit.AdvanceState;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.NewAccount;
import org.telco.messaging.SmsMessages;
import org.telco.network.NetworkCommands;
import org.telco.subscriber.BillingCycles;
import org.telco.subscriber.InMemorySubscriberStore;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.PlanId;
import org.telco.subscriber.ServicePassword;
import org.telco.subscriber.StateChangeReason;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.SubscriberState;
import org.telco.time.Timer;
import org.telco.time.TimerPoller;

/**
 * A fee run that bars more numbers than one batch of the poller holds: their offers fall due
 * together, and {@link TimerPoller#pollDue} fires them with two batches at once, as a node does.
 * Every number gets exactly one advance and everything that comes with it.
 */
class OfferBacklogTest {
  private static final Instant T0 = Instant.parse("2026-01-15T02:00:00Z");
  private static final int NUMBERS = TimerPoller.BATCH_MAX * 2 + 7;
  private static final long FEE = 1_800; // the standard plan
  private static final long ADVANCE = 1_000;

  private final InMemoryOperator alpha =
      new InMemoryOperator(T0, new InMemorySubscriberStore(), 5_000);

  @AfterEach
  void stop() {
    alpha.close();
  }

  @Test
  void aBacklogOfOffersFiredInOverlappingBatchesGrantsOneAdvanceEach() {
    List<Subscriber> base = subscribe(NUMBERS);
    Instant firstFee = alpha.subscribers.find(base.getFirst().msisdn()).orElseThrow().nextCycleAt();
    alpha.advance(Duration.between(T0, firstFee));
    assertThat(alpha.timers.pendingCount()).isEqualTo(NUMBERS);

    alpha.clock.advance(Duration.ofMinutes(30));
    assertThat(alpha.poller.pollDue()).isEqualTo(NUMBERS);
    assertThat(alpha.poller.pollDue()).isZero();

    assertThat(alpha.timers.pendingCount()).as("deadlines").isEqualTo(NUMBERS);
    // Each offer's row waits again as its advance's deadline: same id and payload, 72 hours on.
    List<Timer> deadlines = alpha.timers.due(Instant.MAX, 2 * NUMBERS);
    assertThat(deadlines).hasSize(NUMBERS).allSatisfy(this::isTheDeadlineOfItsOffer);
    Map<String, Long> outbox =
        OutboxItems.ids(alpha.outbox.due(Instant.MAX, 10 * NUMBERS)).stream()
            .filter(id -> id.contains("advance"))
            .collect(
                Collectors.groupingBy(
                    id -> id.substring(0, id.indexOf(':')), Collectors.counting()));
    assertThat(outbox)
        .containsEntry(NetworkCommands.TOPIC, (long) NUMBERS)
        .containsEntry(SmsMessages.TOPIC, (long) NUMBERS);
    long lent = 0;
    for (NewAccount house : alpha.accounts.houseAccounts()) {
      if ((house.id().value() & 0xFF) == SubscriberAccounts.EMERGENCY_CREDIT) {
        lent -= credit(house.id());
      }
    }
    assertThat(lent).isEqualTo(NUMBERS * ADVANCE);
    for (Subscriber subscriber : base) {
      List<Advance> advances = alpha.advances.of(subscriber.msisdn());
      assertThat(advances).hasSize(1);
      assertThat(advances.getFirst().state()).isEqualTo(AdvanceState.OUTSTANDING);
      assertThat(alpha.subscribers.find(subscriber.msisdn()).orElseThrow().state())
          .isEqualTo(SubscriberState.EMERGENCY_CREDIT);
      assertThat(alpha.subscribers.history(subscriber.msisdn()))
          .filteredOn(change -> change.reason() == StateChangeReason.EMERGENCY_CREDIT_GRANTED)
          .hasSize(1);
      assertThat(credit(subscriber.moneyAccount())).isZero();
      assertThat(credit(subscriber.arrearsAccount())).isEqualTo(ADVANCE - FEE);
    }
    alpha.ledger.checkInvariants().join();
  }

  private List<Subscriber> subscribe(int count) {
    ServicePassword password = ServicePassword.derive("Qw9-zx81".toCharArray(), new byte[16], 1);
    List<Subscriber> base = new ArrayList<>(count);
    List<NewAccount> accounts = new ArrayList<>(2 * count);
    for (int i = 0; i < count; i++) {
      Subscriber subscriber =
          Subscriber.subscribe(
              new Msisdn("86138" + String.format("%08d", i)),
              alpha.profile.id(),
              new PlanId("standard"),
              password,
              SubscriberAccounts.subscriberFamily(alpha.subscribers.nextFamilySerial()),
              T0,
              new BillingCycles(alpha.profile.zone()));
      alpha.subscribers.create(subscriber);
      accounts.addAll(alpha.accounts.open(subscriber));
      base.add(subscriber);
    }
    alpha.ledger.open(accounts).join();
    return base;
  }

  private long credit(AccountId id) {
    return alpha.ledger.account(id).join().map(Account::creditBalance).orElseThrow();
  }

  private void isTheDeadlineOfItsOffer(Timer deadline) {
    Advance advance = alpha.advances.find(deadline.payload()).orElseThrow();
    assertThat(deadline.kind()).isEqualTo(OfferTimers.DEADLINE);
    assertThat(deadline.id()).isEqualTo(OfferTimers.OFFER + ":" + advance.id());
    assertThat(deadline.dueAt()).isEqualTo(advance.deadline());
  }
}
