package org.telco.app.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.app.EngineShards;
import org.telco.app.credit.EmergencyCreditSettings;
import org.telco.app.credit.OfferTimers;
import org.telco.app.subscriber.ArrearsReopening;
import org.telco.app.subscriber.LifecycleNotices;
import org.telco.credit.InMemoryAdvanceStore;
import org.telco.engine.EngineSettings;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.AccountId;
import org.telco.ledger.InMemoryLedgerStore;
import org.telco.ledger.TransferId;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.messaging.SmsMessage;
import org.telco.messaging.SmsMessages;
import org.telco.outbox.InMemoryOutbox;
import org.telco.outbox.OutboxMessage;
import org.telco.subscriber.BillingCycles;
import org.telco.subscriber.InMemorySubscriberStore;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.OperatorProfiles;
import org.telco.subscriber.PlanCatalog;
import org.telco.subscriber.PlanId;
import org.telco.subscriber.PurposeCode;
import org.telco.subscriber.ServicePassword;
import org.telco.subscriber.StateChangeReason;
import org.telco.subscriber.StateChangeResult;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.SubscriberState;
import org.telco.subscriber.SubscriberUpdate;
import org.telco.subscriber.SubscriberUpdateResult;
import org.telco.subscriber.TransferIds;
import org.telco.time.InMemoryTimerStore;
import org.telco.time.SimulatedClock;

/**
 * The billing run over in-memory stores, with runs cut short on purpose: whatever an interrupted
 * run committed in the ledger is followed, so {@code fee:} and {@code due:} of one cycle never both
 * land, and notices are not sent twice.
 */
class BillingRunTest {
  private static final Instant START = Instant.parse("2026-01-10T04:00:00Z");
  private static final long FEE = 800;

  private final SimulatedClock clock = new SimulatedClock(START);
  private final InMemoryLedgerStore store = new InMemoryLedgerStore();
  private final ShardedLedger ledger = ShardedLedger.start(store, clock, EngineSettings.DEFAULT);
  private final InMemorySubscriberStore subscribers = new InMemorySubscriberStore();
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final OperatorProfile profile =
      OperatorProfiles.allInOne().find(new OperatorId("alpha")).orElseThrow();
  private final BillingCycles cycles = new BillingCycles(profile.zone());
  private final SubscriberAccounts accounts = new SubscriberAccounts(new EngineShards(ledger));
  private final InMemoryTimerStore timers = new InMemoryTimerStore();
  private final OfferTimers offers =
      new OfferTimers(timers, EmergencyCreditSettings.defaults().policyIn(profile.zone()));
  private final BillingRun run =
      new BillingRun(
          profile,
          () -> PlanCatalog.demo(profile.id()),
          subscribers,
          accounts,
          ledger,
          store,
          outbox,
          reopening(),
          offers,
          clock,
          BillingRun.DEFAULT_CHUNK);

  private ArrearsReopening reopening() {
    return new ArrearsReopening(
        subscribers,
        new InMemoryAdvanceStore(),
        ledger,
        new LifecycleNotices(profile, outbox),
        clock);
  }

  @AfterEach
  void stop() {
    ledger.close();
  }

  @Test
  void aSubscriberWithMoneyIsChargedAndOneWithoutIsBarredCycleAfterCycle() {
    Subscriber subscriber = subscribe("8613800000001");
    topUp(subscriber, 2 * FEE);

    clock.advance(Duration.ofDays(100)); // three cycles behind

    assertThat(run.runDue()).isEqualTo(3);
    assertThat(balance(subscriber.moneyAccount())).isZero();
    assertThat(-balance(subscriber.arrearsAccount())).isEqualTo(FEE);
    Subscriber now = subscribers.find(subscriber.msisdn()).orElseThrow();
    assertThat(now.state()).isEqualTo(SubscriberState.BARRED_ARREARS);
    assertThat(now.nextCycleAt()).isAfter(clock.instant());
    assertThat(outbox.due(clock.instant(), 10))
        .extracting(OutboxMessage::id)
        .containsExactly(
            "sms:fee-charged:8613800000001:2026-02-10",
            "sms:fee-charged:8613800000001:2026-03-10",
            "sms:balance-low:8613800000001:2026-03-10", // nothing left for April's fee
            "network.command:arrears:8613800000001:2026-04-10",
            "sms:barred:8613800000001:2026-04-10");
    assertThat(run.runDue()).isZero();
    ledger.checkInvariants().join();
  }

  @Test
  void aRerunFollowsADueThatLandedAndSettlesItFromMoneyThatArrivedSince() {
    Subscriber subscriber = subscribe("8613800000002");
    clock.advance(Duration.ofDays(32));
    LocalDate cycle = cycles.dateOf(subscriber.nextCycleAt());
    // A run cut after recording the fee as due, before the subscriber was written; then a top-up.
    submit(accounts.recordDue(subscriber, FEE, cycle));
    topUp(subscriber, 2 * FEE);

    assertThat(run.runDue()).isEqualTo(1);

    // The cycle's decision stays the one that landed (due, never also charged)...
    assertThat(store.transfer(id("fee", subscriber, cycle))).isEmpty();
    assertThat(store.transfer(id("due", subscriber, cycle))).isPresent();
    // ...and the money that arrived since pays it at once: not left barred with the money to pay.
    assertThat(balance(subscriber.moneyAccount())).isEqualTo(FEE);
    assertThat(balance(subscriber.arrearsAccount())).isZero();
    assertThat(subscribers.find(subscriber.msisdn()).orElseThrow().state())
        .isEqualTo(SubscriberState.ACTIVE);
    ledger.checkInvariants().join();
  }

  @Test
  void aRerunAfterTheFeeLandedChargesItOnceAndSendsOneNotice() {
    Subscriber subscriber = subscribe("8613800000003");
    topUp(subscriber, FEE);
    clock.advance(Duration.ofDays(32));
    LocalDate cycle = cycles.dateOf(subscriber.nextCycleAt());
    // A run cut after charging the fee, before notices and the subscriber were written.
    submit(accounts.chargeFee(subscriber, FEE, cycle));

    assertThat(run.runDue()).isEqualTo(1);

    assertThat(balance(subscriber.moneyAccount())).isZero();
    assertThat(store.transfer(id("due", subscriber, cycle))).isEmpty();
    assertThat(subscribers.find(subscriber.msisdn()).orElseThrow().state())
        .isEqualTo(SubscriberState.ACTIVE);
    assertThat(outbox.due(clock.instant(), 10))
        .extracting(OutboxMessage::id)
        .containsExactly(
            "sms:fee-charged:8613800000003:" + cycle, "sms:balance-low:8613800000003:" + cycle);
  }

  @Test
  void theBalanceLowWarningNamesWhatIsLeftAndWhenTheNextFeeFalls() {
    Subscriber subscriber = subscribe("8613800000005");
    topUp(subscriber, FEE + 350);
    clock.advance(Duration.ofDays(32));

    assertThat(run.runDue()).isEqualTo(1);

    SmsMessage warning =
        SmsMessages.sms(
            outbox.due(clock.instant(), 10).stream()
                .filter(m -> m.id().startsWith("sms:balance-low:"))
                .findFirst()
                .orElseThrow());
    assertThat(warning.to()).isEqualTo("8613800000005");
    assertThat(warning.text()).contains("3.50 yuan").contains("8.00 yuan").contains("2026-03-10");
  }

  @Test
  void aSuspendedNumberPaysNothingAndMovesOn() {
    Subscriber subscriber = subscribe("8613800000004");
    StateChangeResult.Changed changed =
        (StateChangeResult.Changed)
            subscriber.change(StateChangeReason.SUSPENDED_BY_REQUEST, clock.instant());
    assertThat(subscribers.update(SubscriberUpdate.of(changed)))
        .isInstanceOf(SubscriberUpdateResult.Updated.class);
    clock.advance(Duration.ofDays(32));

    assertThat(run.runDue()).isEqualTo(1);

    assertThat(balance(subscriber.arrearsAccount())).isZero();
    assertThat(subscribers.find(subscriber.msisdn()).orElseThrow().nextCycleAt())
        .isAfter(subscriber.nextCycleAt());
    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void overlappingChunksBillEveryCycleOfEverySubscriberOnce() {
    BillingRun small =
        new BillingRun(
            profile,
            () -> PlanCatalog.demo(profile.id()),
            subscribers,
            accounts,
            ledger,
            store,
            outbox,
            reopening(),
            offers,
            clock,
            3); // many chunks, each written while the next is decided
    List<Subscriber> all = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Subscriber subscriber = subscribe("86138000001" + String.format("%02d", i));
      if (i % 4 != 0) {
        topUp(subscriber, 2 * FEE);
      }
      all.add(subscriber);
    }

    clock.advance(Duration.ofDays(100)); // three cycles behind

    assertThat(small.runDue()).isEqualTo(3 * all.size());
    for (int i = 0; i < all.size(); i++) {
      Subscriber subscriber = all.get(i);
      Subscriber now = subscribers.find(subscriber.msisdn()).orElseThrow();
      assertThat(now.nextCycleAt()).isAfter(clock.instant());
      assertThat(now.state()).isEqualTo(SubscriberState.BARRED_ARREARS);
      assertThat(balance(subscriber.moneyAccount())).isZero();
      assertThat(-balance(subscriber.arrearsAccount())).isEqualTo((i % 4 == 0 ? 3 : 1) * FEE);
    }
    assertThat(small.runDue()).isZero();
    ledger.checkInvariants().join();
  }

  private Subscriber subscribe(String msisdn) {
    Subscriber subscriber =
        Subscriber.subscribe(
            new Msisdn(msisdn),
            profile.id(),
            new PlanId("basic"),
            ServicePassword.derive("Qw9-zx81".toCharArray(), new byte[16], 1),
            SubscriberAccounts.subscriberFamily(subscribers.nextFamilySerial()),
            clock.instant(),
            cycles);
    ledger.open(accounts.open(subscriber)).join();
    ledger.open(accounts.houseAccounts()).join();
    subscribers.create(subscriber);
    return subscriber;
  }

  private void topUp(Subscriber subscriber, long amount) {
    submit(
        TransferRequest.posted(
            new TransferId("top-up:" + subscriber.msisdn().digits() + ":" + amount),
            accounts.paymentsClearing(subscriber),
            subscriber.moneyAccount(),
            amount,
            PurposeCode.TOP_UP.code()));
  }

  private void submit(TransferRequest request) {
    assertThat(ledger.submit(List.of(request)).join().getFirst())
        .isInstanceOf(TransferResult.Accepted.class);
  }

  private long balance(AccountId id) {
    return ledger.account(id).join().map(a -> a.creditsPosted() - a.debitsPosted()).orElse(0L);
  }

  private static TransferId id(String kind, Subscriber subscriber, LocalDate cycle) {
    return TransferIds.of(kind, subscriber.msisdn().digits(), cycle.toString());
  }
}
