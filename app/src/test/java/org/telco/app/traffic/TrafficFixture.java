package org.telco.app.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.telco.app.EngineShards;
import org.telco.engine.EngineSettings;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.InMemoryLedgerStore;
import org.telco.ledger.TransferRequest;
import org.telco.outbox.InMemoryOutbox;
import org.telco.subscriber.BillingCycles;
import org.telco.subscriber.InMemorySubscriberStore;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.PlanCatalog;
import org.telco.subscriber.PlanId;
import org.telco.subscriber.ServicePassword;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.TransferIds;
import org.telco.time.InMemoryTimerStore;
import org.telco.time.SimulatedClock;
import org.telco.traffic.CardDesignation;
import org.telco.traffic.CardNumbers;
import org.telco.traffic.InMemoryBucketStore;
import org.telco.traffic.InMemoryCardStore;
import org.telco.traffic.InMemoryPurchaseStore;
import org.telco.traffic.TrafficAccounts;
import org.telco.traffic.TrafficCatalog;

/**
 * Flow F5's purchase and binding over the reference stores and a real ledger engine (in-memory
 * ledger store), on a simulated clock: what the tests of this package share.
 */
final class TrafficFixture implements AutoCloseable {
  static final Instant T0 = Instant.parse("2026-03-10T04:30:00Z");
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final long TIMEOUT_SECONDS = 120;
  static final OperatorId ALPHA = new OperatorId("alpha");
  static final String SHORT_CODE = "10086";
  private static final ServicePassword PASSWORD =
      ServicePassword.derive("Qw9-zx81".toCharArray(), new byte[16], 1);

  /**
   * Shards that hold only the newest 16 transfers: every purchase, renewal and charging test then
   * also runs with reservations settled, posted or voided long before a later request names them,
   * answered from the store as a busy node's would be.
   */
  static final EngineSettings ENGINE = EngineSettings.DEFAULT.withTransferWindow(16);

  final SimulatedClock clock = new SimulatedClock(T0);
  final ShardedLedger engine = ShardedLedger.start(new InMemoryLedgerStore(), clock, ENGINE);
  final SubscriberAccounts accounts = new SubscriberAccounts(new EngineShards(engine));
  final TrafficAccounts trafficAccounts = new TrafficAccounts(new EngineShards(engine));
  final DataLedger ledger = new DataLedger(engine, trafficAccounts);
  final InMemorySubscriberStore subscribers = new InMemorySubscriberStore();
  final TrafficStores stores =
      new TrafficStores(
          new InMemoryBucketStore(), new InMemoryPurchaseStore(), new InMemoryCardStore());
  final TrafficCatalog catalog = TrafficCatalog.demo(ALPHA);
  final PlanCatalog plans = PlanCatalog.demo(ALPHA);
  final InMemoryTimerStore timers = new InMemoryTimerStore();
  final InMemoryOutbox outbox = new InMemoryOutbox();
  final PackRenewals renewals =
      new PackRenewals(
          timers,
          stores.buckets(),
          clock,
          ZONE,
          new RenewalNotices(outbox, SHORT_CODE, catalog, ZONE));
  final TrafficPurchases purchases =
      new TrafficPurchases(
          catalog,
          subscribers,
          stores,
          ledger,
          CardNumbers.from(new SplittableRandom(7)),
          clock,
          ZONE,
          TIMEOUT_SECONDS,
          renewals);
  final CardBinding binding =
      new CardBinding(catalog, subscribers, stores, ledger, CardDesignation.PURCHASER, clock, ZONE);
  private long serial;
  private long toppedUpFen;

  TrafficFixture() {
    engine.open(accounts.houseAccounts()).join();
    engine.open(trafficAccounts.houseAccounts()).join();
  }

  /** A new ACTIVE subscriber on {@code plan} with {@code moneyFen} topped up. */
  Subscriber subscriber(String digits, String plan, long moneyFen) {
    Subscriber s =
        Subscriber.subscribe(
            new Msisdn(digits),
            ALPHA,
            new PlanId(plan),
            PASSWORD,
            SubscriberAccounts.subscriberFamily(serial++),
            T0,
            new BillingCycles(ZONE));
    subscribers.create(s);
    engine.open(accounts.open(s)).join();
    if (moneyFen > 0) {
      topUp(s, moneyFen);
    }
    return s;
  }

  /**
   * Suspends the number at the subscriber's request (a state in which it may not buy or use data).
   */
  void suspend(Subscriber s) {
    org.telco.subscriber.StateChangeResult.Changed changed =
        (org.telco.subscriber.StateChangeResult.Changed)
            subscribers
                .find(s.msisdn())
                .orElseThrow()
                .change(
                    org.telco.subscriber.StateChangeReason.SUSPENDED_BY_REQUEST, clock.instant());
    subscribers.update(org.telco.subscriber.SubscriberUpdate.of(changed));
  }

  void topUp(Subscriber s, long fen) {
    toppedUpFen += fen;
    engine
        .submit(
            List.of(
                TransferRequest.posted(
                    TransferIds.of("test-top-up", s.msisdn().digits(), Long.toString(toppedUpFen)),
                    accounts.paymentsClearing(s),
                    s.moneyAccount(),
                    fen,
                    101)))
        .join();
  }

  Account account(AccountId id) {
    return engine.account(id).join().orElseThrow();
  }

  long money(Subscriber s) {
    return account(s.moneyAccount()).creditBalance();
  }

  long moneyAvailable(Subscriber s) {
    return account(s.moneyAccount()).availableCredit();
  }

  long house(Subscriber s, int member) {
    return account(trafficAccounts.houseBeside(s.moneyAccount(), member)).creditBalance();
  }

  long houseOnShard(int shard, int member) {
    return account(SubscriberAccounts.member(shard, member)).creditBalance();
  }

  /**
   * Money and data are conserved: the ledger's own invariants hold on every shard, and the money
   * that left subscribers is exactly what traffic sales and pay-as-you-go earned.
   */
  void conserved(Subscriber... all) {
    engine.checkInvariants().join();
    long left = 0;
    for (Subscriber s : all) {
      left += account(s.moneyAccount()).debitsPosted();
    }
    long earned = 0;
    for (int shard = 0; shard < engine.shardCount(); shard++) {
      earned += houseOnShard(shard, TrafficAccounts.TRAFFIC_SALES);
      earned += houseOnShard(shard, TrafficAccounts.DATA_PAY_AS_YOU_GO);
    }
    assertThat(earned).as("money earned").isEqualTo(left);
  }

  @Override
  public void close() {
    engine.close();
  }
}
