package org.telco.app.traffic;

import io.helidon.webserver.http.HttpRouting;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.NewAccount;
import org.telco.outbox.Outbox;
import org.telco.storage.time.PgTimerStore;
import org.telco.storage.traffic.PgBucketStore;
import org.telco.storage.traffic.PgCardStore;
import org.telco.storage.traffic.PgPurchaseStore;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.SubscriberStore;
import org.telco.time.TimerHandler;
import org.telco.traffic.BucketStore;
import org.telco.traffic.CachingBucketStore;
import org.telco.traffic.CardNumbers;
import org.telco.traffic.TrafficAccounts;
import org.telco.traffic.TrafficCatalog;
import org.telco.web.Endpoints;

/**
 * An operator's traffic platform (flow F5, docs/traffic.md): the catalogue, the two-phase purchase,
 * traffic cards, buckets and their usage priority, over the operator's database and ledger, with
 * the sweeps that void abandoned purchases and close ended buckets.
 */
public final class TrafficFeatures {
  private static final int SWEEP_LIMIT = 1_000;

  /** Subscribers whose live buckets charging keeps in memory (about 1 kB each). */
  private static final int CACHED_OWNERS_MAX = 200_000;

  private final TrafficStores stores;
  private final TrafficAccounts accounts;
  private final TrafficPurchases purchases;
  private final PackRenewals renewals;
  private final BucketExpiry expiry;
  private final TrafficRoutes routes;
  private final TrafficCatalog catalog;

  /** Wires the traffic platform of {@code profile}'s operator. */
  public TrafficFeatures(
      OperatorProfile profile,
      DataSource dataSource,
      SubscriberStore subscribers,
      ShardedLedger ledger,
      TrafficAccounts accounts,
      TrafficSettings settings,
      Outbox outbox,
      Clock clock) {
    this.accounts = accounts;
    this.stores =
        new TrafficStores(
            new CachingBucketStore(new PgBucketStore(dataSource), CACHED_OWNERS_MAX),
            new PgPurchaseStore(dataSource),
            new PgCardStore(dataSource));
    this.catalog = TrafficCatalog.demo(profile.id());
    DataLedger data = new DataLedger(ledger, accounts);
    this.renewals =
        new PackRenewals(
            new PgTimerStore(dataSource),
            stores.buckets(),
            clock,
            profile.zone(),
            new RenewalNotices(outbox, profile.serviceShortCode(), catalog, profile.zone()));
    this.purchases =
        new TrafficPurchases(
            catalog,
            subscribers,
            stores,
            data,
            CardNumbers.from(new SecureRandom()),
            clock,
            profile.zone(),
            settings.purchaseTimeoutSeconds(),
            renewals);
    CardBinding binding =
        new CardBinding(
            catalog, subscribers, stores, data, settings.designation(), clock, profile.zone());
    this.expiry = new BucketExpiry(stores.buckets(), data, clock);
    this.routes =
        new TrafficRoutes(catalog, subscribers, stores, data, purchases, binding, renewals);
  }

  /** The house accounts of data and traffic sales, to open when the node starts. */
  public java.util.List<NewAccount> houseAccounts() {
    return accounts.houseAccounts();
  }

  /** The traffic products on sale. */
  public TrafficCatalog catalog() {
    return catalog;
  }

  /** Subscribers' buckets, which charging draws from. */
  public BucketStore buckets() {
    return stores.buckets();
  }

  /**
   * Voids abandoned purchases and closes ended buckets, a bounded batch of each.
   *
   * @return how many were handled
   */
  public int sweep() {
    return purchases.voidAbandoned(SWEEP_LIMIT) + expiry.closeEnded(SWEEP_LIMIT);
  }

  /** The handler of the monthly packs' renewal timers, by kind. */
  public Map<String, TimerHandler> timerHandlers() {
    return Map.of(PackRenewals.KIND, timer -> renewals.renew(timer, purchases));
  }

  /** Registers the traffic API under {@code /api/v1}. */
  public void register(HttpRouting.Builder routing, Endpoints endpoints) {
    routing.register("/api/v1", routes.service(endpoints));
  }
}
