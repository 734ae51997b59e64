package org.telco.app.porting;

import io.helidon.webserver.http.HttpRouting;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.telco.app.console.Console;
import org.telco.app.console.NodeApi;
import org.telco.app.console.clearinghouse.ClearinghouseConsoleRoutes;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.AccountResult;
import org.telco.porting.PortingDesk;
import org.telco.porting.PortingStore;
import org.telco.porting.SettlementAccounts;
import org.telco.storage.porting.PgPortingStore;
import org.telco.storage.porting.PgRoutingLog;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.OperatorProfiles;
import org.telco.web.Endpoints;
import org.telco.web.PeerClient;

/**
 * What only the clearinghouse has (flow F4): the porting desk over its database, the operators'
 * settlement accounts in its ledger, and the routing database. Apart from {@code Node} as {@code
 * OperatorFeatures} is, so the node stays the same small wiring for both kinds.
 */
public final class ClearinghouseFeatures {
  private final PortingDesk desk;
  private final ClearinghouseRoutes porting;
  private final SettlementRoutes settlement;
  private final PgRoutingLog routing;
  private final ChangeLogRoutes changeLog;
  private final RoutingRoutes lookups;
  private final Duration patience;
  private final PortingStore store;

  private ClearinghouseFeatures(
      DataSource dataSource,
      ShardedLedger ledger,
      SettlementAccounts accounts,
      OperatorProfiles operators,
      PortingSettings settings,
      Map<String, PeerClient> peers,
      Clock clock) {
    this.patience = settings.patience();
    this.store = new PgPortingStore(dataSource);
    this.routing = new PgRoutingLog(dataSource, clock);
    RoutingNumbers numbers = new RoutingNumbers(operators);
    this.changeLog = new ChangeLogRoutes(routing, numbers);
    this.lookups =
        new RoutingRoutes(
            msisdn -> routing.operatorOf(msisdn).map(numbers::routingTo),
            numbers,
            routing::latestVersion,
            null);
    this.desk =
        new PortingDesk(
            store,
            settings.verification(),
            new HttpDonors(peers),
            new LedgerSettlement(accounts, ledger),
            new ClearinghouseRouting(routing, numbers, List.copyOf(peers.values())),
            clock);
    this.porting = new ClearinghouseRoutes(desk, store);
    this.settlement = new SettlementRoutes(accounts, ledger, store);
  }

  /**
   * Wires the clearinghouse and opens the operators' settlement accounts (idempotent).
   *
   * @param peers the operator nodes, by name
   * @throws IllegalStateException when the ledger refuses an account (operators.json reordered)
   */
  public static ClearinghouseFeatures start(
      DataSource dataSource,
      ShardedLedger ledger,
      OperatorProfiles operators,
      PortingSettings settings,
      Map<String, PeerClient> peers,
      Clock clock) {
    SettlementAccounts accounts =
        new SettlementAccounts(operators.operators().stream().map(OperatorProfile::id).toList());
    List<AccountResult> results = ledger.open(accounts.accounts()).join();
    for (AccountResult result : results) {
      if (result instanceof AccountResult.Rejected rejected) {
        throw new IllegalStateException("settlement account refused: " + rejected.reason());
      }
    }
    return new ClearinghouseFeatures(
        dataSource, ledger, accounts, operators, settings, peers, clock);
  }

  /** Registers the porting and settlement API under {@code /api/v1}. */
  public void register(HttpRouting.Builder routes, Endpoints endpoints) {
    routes
        .register("/api/v1", porting.service(endpoints))
        .register("/api/v1", settlement.service(endpoints))
        .register("/api/v1", changeLog.service(endpoints))
        .register("/api/v1", lookups.service(endpoints));
  }

  /**
   * Finishes ports a crash left ACCEPTED and expires those that waited too long; the node calls it
   * as the clock moves.
   */
  public int resumePorts() {
    return desk.resume(patience, 100);
  }

  /** The clearinghouse console's pages (docs/console.md), to register under {@code /console}. */
  public ClearinghouseConsoleRoutes consoleRoutes(Console console, NodeApi api) {
    return new ClearinghouseConsoleRoutes(console, store, routing, api);
  }

  /** The routing database, for lookups and the operators' replicas. */
  public PgRoutingLog routing() {
    return routing;
  }
}
