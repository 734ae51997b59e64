package org.telco.app.traffic;

import java.time.ZoneId;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.subscriber.InMemorySubscriberStore;
import org.telco.subscriber.PlanCatalog;
import org.telco.subscriber.Subscriber;
import org.telco.time.SimulatedClock;
import org.telco.traffic.Bucket;
import org.telco.traffic.BucketId;
import org.telco.traffic.BucketStore;
import org.telco.traffic.CardId;
import org.telco.traffic.ProductId;
import org.telco.traffic.PurchaseId;
import org.telco.traffic.TrafficAccounts;

/**
 * The traffic platform's fixture for tests of other packages (charging): subscribers, purchases and
 * card bindings through the real purchase flow, over a real ledger engine.
 */
public final class TrafficTestbed implements AutoCloseable {
  private final TrafficFixture f = new TrafficFixture();

  /** A new ACTIVE subscriber with money. */
  public Subscriber subscriber(String digits, String plan, long moneyFen) {
    return f.subscriber(digits, plan, moneyFen);
  }

  /** Buys a pack through the whole two-phase purchase and returns its bucket. */
  public Bucket buy(Subscriber buyer, String purchaseId, String productId) {
    TrafficPurchases.Outcome outcome =
        f.purchases.purchase(new PurchaseId(purchaseId), buyer.msisdn(), new ProductId(productId));
    if (!(outcome instanceof TrafficPurchases.Outcome.Completed done)) {
      throw new IllegalStateException("purchase " + purchaseId + " did not complete: " + outcome);
    }
    return f.stores.buckets().find(done.purchase().bucketId()).orElseThrow();
  }

  /** Buys a card and returns its number. */
  public CardId buyCard(Subscriber buyer, String purchaseId, String productId) {
    TrafficPurchases.Outcome outcome =
        f.purchases.purchase(new PurchaseId(purchaseId), buyer.msisdn(), new ProductId(productId));
    return ((TrafficPurchases.Outcome.Completed) outcome).purchase().cardId();
  }

  /** Binds a card to a user and returns the user's new bucket. */
  public Bucket bindCard(Subscriber user, CardId card) {
    CardBinding.Outcome outcome = f.binding.bind(card, user.msisdn());
    return ((CardBinding.Outcome.Bound) outcome).bucket();
  }

  /** The bucket with this id. */
  public Bucket bucket(BucketId id) {
    return f.stores.buckets().find(id).orElseThrow();
  }

  /** Suspends a number. */
  public void suspend(Subscriber s) {
    f.suspend(s);
  }

  /** An account as the ledger holds it now. */
  public Account account(AccountId id) {
    return f.account(id);
  }

  /** Posted money. */
  public long money(Subscriber s) {
    return f.money(s);
  }

  /** Money that may still be reserved. */
  public long moneyAvailable(Subscriber s) {
    return f.moneyAvailable(s);
  }

  /** Checks the ledger's invariants and that money that left subscribers was earned. */
  public void conserved(Subscriber... all) {
    f.conserved(all);
  }

  public InMemorySubscriberStore subscribers() {
    return f.subscribers;
  }

  public PlanCatalog plans() {
    return f.plans;
  }

  public BucketStore buckets() {
    return f.stores.buckets();
  }

  public ShardedLedger engine() {
    return f.engine;
  }

  public TrafficAccounts trafficAccounts() {
    return f.trafficAccounts;
  }

  public SimulatedClock clock() {
    return f.clock;
  }

  public ZoneId zone() {
    return TrafficFixture.ZONE;
  }

  @Override
  public void close() {
    f.close();
  }
}
