package org.telco.app.charging;

import io.helidon.webserver.http.HttpRouting;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.telco.app.subscriber.SimRoutes;
import org.telco.charging.Partner;
import org.telco.charging.QuotaSettings;
import org.telco.charging.SessionStore;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.NewAccount;
import org.telco.outbox.Outbox;
import org.telco.outbox.OutboxHandler;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.PlanCatalog;
import org.telco.subscriber.SimDirectory;
import org.telco.subscriber.SubscriberStore;
import org.telco.traffic.BucketStore;
import org.telco.traffic.TrafficAccounts;
import org.telco.web.Endpoints;

/**
 * An operator's charging function for data (flow F5, docs/traffic.md): Nchf online charging over
 * the subscriber's buckets and money, the ABORT_CHARGING notices when a number is barred, and
 * partners' statements and settlement.
 */
public final class ChargingFeatures implements AutoCloseable {
  /** How many of a partner's settled days the console shows. */
  public static final int SETTLED_DAYS_SHOWN = 10;

  private final OnlineCharging charging;
  private final PartnerSettlements settlements;
  private final Outbox outbox;
  private final Clock clock;
  private final SessionStore sessions;
  private final SimDirectory sims;
  private final SubscriberStore subscribers;

  /**
   * What the charging function reads and writes.
   *
   * @param subscribers the operator's subscribers
   * @param plans their plans, for the pay-as-you-go price
   * @param buckets their data buckets
   * @param sessions where sessions and daily usage are kept
   * @param sims which SIM each number uses, to find a subscriber named only by SUPI
   */
  public record Stores(
      SubscriberStore subscribers,
      Supplier<PlanCatalog> plans,
      BucketStore buckets,
      SessionStore sessions,
      SimDirectory sims) {}

  /** Wires the charging function of {@code profile}'s operator. */
  public ChargingFeatures(
      OperatorProfile profile,
      Stores stores,
      ShardedLedger ledger,
      TrafficAccounts accounts,
      QuotaSettings quota,
      List<Partner> partners,
      Outbox outbox,
      Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
    this.sessions = stores.sessions();
    this.sims = stores.sims();
    this.subscribers = stores.subscribers();
    this.charging =
        new OnlineCharging(
            stores.subscribers(),
            stores.plans(),
            stores.buckets(),
            stores.sessions(),
            new QuotaDesk(ledger, accounts, quota, profile.zone()),
            quota,
            clock,
            profile.zone(),
            new SecureRandom());
    this.settlements =
        new PartnerSettlements(
            partners, stores.sessions(), ledger, accounts, clock, profile.zone());
  }

  /**
   * A partner with what is left of the money it paid in, and what it was charged lately.
   *
   * @param partner the partner
   * @param balanceFen its prepaid balance after the days settled so far
   * @param lastSettled its last settled days, newest first
   */
  public record PartnerBalance(
      Partner partner, long balanceFen, List<SettlementRecord> lastSettled) {}

  /** Which SIM each number uses. */
  public SimDirectory sims() {
    return sims;
  }

  /** Every partner with its balance and last settled days, for the console; moves nothing. */
  public List<PartnerBalance> partnerBalances() {
    return settlements.partners().stream()
        .map(
            p ->
                new PartnerBalance(
                    p, settlements.balance(p), settlements.settled(p, SETTLED_DAYS_SHOWN)))
        .toList();
  }

  /** The partners' accounts, to open when the node starts. */
  public List<NewAccount> partnerAccounts() {
    return settlements.accountsToOpen();
  }

  /**
   * The outbox handlers charging adds: network commands go through {@link ChargingAborts}, which
   * also notifies the SMFs of barred numbers' sessions, and the notifications have a topic of their
   * own.
   *
   * @param networkTopic the topic of network commands
   * @param network the handler that applies them to the network
   */
  public Map<String, OutboxHandler> outboxHandlers(String networkTopic, OutboxHandler network) {
    return Map.of(
        networkTopic,
        new ChargingAborts(network, charging, outbox, clock),
        ChargingNotifier.TOPIC,
        new ChargingNotifier());
  }

  /**
   * Registers Nchf under its own root, and the partners' API and the SIM directory's (by which Nchf
   * finds a subscriber named only by SUPI) under {@code /api/v1}.
   */
  public void register(HttpRouting.Builder routing, Endpoints endpoints) {
    routing.register(NchfRoutes.ROOT, new NchfRoutes(charging, sims).service(endpoints));
    routing.register("/api/v1", new PartnerRoutes(settlements).service(endpoints));
    routing.register("/api/v1", new SimRoutes(subscribers, sims, endpoints));
  }

  /** Stops the session store's writer, if it has one, after the saves waiting. */
  @Override
  public void close() {
    if (sessions instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing the charging sessions failed", e);
      }
    }
  }
}
