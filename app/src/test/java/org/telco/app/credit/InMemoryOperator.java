package org.telco.app.credit;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.telco.app.EngineShards;
import org.telco.app.billing.BillingRun;
import org.telco.app.payment.Payments;
import org.telco.app.subscriber.ArrearsReopening;
import org.telco.app.subscriber.LifecycleNotices;
import org.telco.credit.EmergencyCreditPolicy;
import org.telco.credit.InMemoryAdvanceStore;
import org.telco.engine.EngineSettings;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.InMemoryLedgerStore;
import org.telco.outbox.InMemoryOutbox;
import org.telco.payment.InMemoryPaymentStore;
import org.telco.payment.PaymentRules;
import org.telco.payment.PaymentTransfers;
import org.telco.payment.SandboxPaymentProvider;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.OperatorProfiles;
import org.telco.subscriber.PlanCatalog;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.SubscriberStore;
import org.telco.time.InMemoryTimerStore;
import org.telco.time.SimulatedClock;
import org.telco.time.TimerHandler;
import org.telco.time.TimerPoller;

/**
 * Operator alpha's prepaid core wired on the reference (in-memory) stores and a simulated clock, as
 * {@code OperatorFeatures} wires it on PostgreSQL: fee run, payments, emergency credit and the
 * timer poller. Tests move the clock and call {@link #tick()} as the node's poller would.
 */
public final class InMemoryOperator implements AutoCloseable {
  public final SimulatedClock clock;
  public final InMemoryLedgerStore ledgerStore = new InMemoryLedgerStore();
  public final ShardedLedger ledger;
  public final SubscriberStore subscribers;
  public final InMemoryPaymentStore paymentStore = new InMemoryPaymentStore();
  public final InMemoryOutbox outbox = new InMemoryOutbox();
  public final InMemoryTimerStore timers = new InMemoryTimerStore();
  public final InMemoryAdvanceStore advances = new InMemoryAdvanceStore();
  public final OperatorProfile profile =
      OperatorProfiles.allInOne().find(new OperatorId("alpha")).orElseThrow();
  public final PlanCatalog plans = PlanCatalog.demo(profile.id());
  public final SubscriberAccounts accounts;
  public final EmergencyCreditPolicy policy;
  public final ArrearsReopening reopening;
  public final EmergencyCredit credit;
  public final BillingRun billing;
  public final Payments payments;
  public final TimerPoller poller;

  /** Alpha at {@code start}, with the default emergency-credit rules. */
  public InMemoryOperator(Instant start, SubscriberStore subscribers, int billingChunk) {
    this(start, subscribers, billingChunk, null);
  }

  /** Alpha at {@code start} with {@code policy}, or the defaults in alpha's zone when null. */
  public InMemoryOperator(
      Instant start, SubscriberStore subscribers, int billingChunk, EmergencyCreditPolicy policy) {
    this.clock = new SimulatedClock(start);
    this.ledger = ShardedLedger.start(ledgerStore, clock, EngineSettings.DEFAULT);
    this.subscribers = subscribers;
    this.accounts = new SubscriberAccounts(new EngineShards(ledger));
    this.policy =
        policy != null ? policy : EmergencyCreditSettings.defaults().policyIn(profile.zone());
    this.reopening =
        new ArrearsReopening(
            subscribers, advances, ledger, new LifecycleNotices(profile, outbox), clock);
    this.credit =
        new EmergencyCredit(
            profile,
            this.policy,
            subscribers,
            advances,
            accounts,
            ledger,
            ledgerStore,
            outbox,
            timers,
            reopening,
            clock);
    this.billing =
        new BillingRun(
            profile,
            () -> plans,
            subscribers,
            accounts,
            ledger,
            ledgerStore,
            outbox,
            reopening,
            credit.offerTimers(),
            clock,
            billingChunk);
    this.payments =
        new Payments(
            subscribers,
            paymentStore,
            SandboxPaymentProvider.standard(),
            PaymentRules.standard(),
            new PaymentTransfers(accounts),
            ledger,
            reopening,
            credit.repayment(),
            clock);
    Map<String, TimerHandler> handlers = new HashMap<>(credit.timerHandlers());
    this.poller = new TimerPoller(timers, clock, handlers, Duration.ofSeconds(30));
    ledger.open(accounts.houseAccounts()).join();
  }

  /** What the node does on each tick: fire due timers, then run the fee cycles due. */
  public void tick() {
    while (poller.pollOnce() > 0) {
      // one firing may make another due
    }
    billing.runDue();
  }

  /** Moves the clock on and ticks, as advancing the simulated clock does on a node. */
  public void advance(Duration duration) {
    clock.advance(duration);
    tick();
  }

  @Override
  public void close() {
    ledger.close();
  }
}
