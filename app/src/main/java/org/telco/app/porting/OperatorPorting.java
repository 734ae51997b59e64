package org.telco.app.porting;

import io.helidon.webserver.http.HttpRouting;
import java.time.Clock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.telco.app.subscriber.ArrearsReopening;
import org.telco.app.subscriber.Subscription;
import org.telco.credit.AdvanceStore;
import org.telco.engine.ShardedLedger;
import org.telco.porting.PortingHolds;
import org.telco.storage.porting.PgPortingHolds;
import org.telco.subscriber.OperatorProfiles;
import org.telco.subscriber.PlanCatalog;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.SubscriberStore;
import org.telco.web.Endpoints;
import org.telco.web.PeerClient;

/**
 * An operator's porting (flow F4): its donor and recipient desks and their API, wired over its
 * database and ledger and the link to the clearinghouse. Apart from {@code OperatorFeatures} so
 * that porting grows here.
 */
public final class OperatorPorting {
  private final OperatorPortingRoutes routes;
  private final RoutingRoutes lookups;

  /**
   * The operator's porting over its stores.
   *
   * @param money the ledger and the operator's accounts, for balances and port-out refunds
   * @param clearinghouse the signed client for the clearinghouse
   * @param welcome the SMS a number ported in is greeted with
   * @param routing the replica of the routing database, and the operators
   */
  public OperatorPorting(
      DataSource dataSource,
      SubscriberStore subscribers,
      Supplier<PlanCatalog> plans,
      Subscription subscription,
      Debts debts,
      Money money,
      PeerClient clearinghouse,
      PortInWelcome welcome,
      Routes routing,
      Clock clock) {
    PortingHolds holds = new PgPortingHolds(dataSource);
    DonorDesk donor =
        new DonorDesk(
            subscribers,
            holds,
            routing.settings().portOut(),
            debts.advances(),
            debts.arrears(),
            money.ledger(),
            clearinghouse,
            money.accounts(),
            routing.settings().refundBalanceOnPortOut(),
            clock);
    RecipientDesk recipient =
        new RecipientDesk(
            clearinghouse, routing.settings().acceptance(), subscribers, subscription, welcome);
    this.routes =
        new OperatorPortingRoutes(
            donor, recipient, subscribers, holds, plans, routing.feed(), clock);
    RoutingNumbers numbers = new RoutingNumbers(routing.operators());
    this.lookups =
        new RoutingRoutes(routing.feed()::lookup, numbers, routing.feed()::version, routing.feed());
  }

  /** Registers the porting API under {@code /api/v1}. */
  public void register(HttpRouting.Builder routing, Endpoints endpoints) {
    routing.register("/api/v1", routes.service(endpoints));
    routing.register("/api/v1", lookups.service(endpoints));
  }

  /**
   * What this operator routes by.
   *
   * @param feed its replica of the routing database
   * @param operators every operator, for routing numbers and number ranges
   * @param settings the operator's porting settings
   */
  public record Routes(RoutingFeed feed, OperatorProfiles operators, PortingSettings settings) {}

  /**
   * Where the donor reads what a number owes.
   *
   * @param advances the emergency advances
   * @param arrears what is due from fees
   */
  public record Debts(AdvanceStore advances, ArrearsReopening arrears) {}

  /**
   * The ledger and the operator's accounts.
   *
   * @param ledger the node's ledger
   * @param accounts the operator's accounts
   */
  public record Money(ShardedLedger ledger, SubscriberAccounts accounts) {}
}
