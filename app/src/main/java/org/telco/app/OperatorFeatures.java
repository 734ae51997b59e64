package org.telco.app;

import io.helidon.webserver.http.HttpRouting;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.telco.app.billing.BillingRun;
import org.telco.app.charging.ChargingFeatures;
import org.telco.app.console.Console;
import org.telco.app.console.ConsoleFeeds;
import org.telco.app.console.OperatorConsoleRoutes;
import org.telco.app.console.OperatorConsoleSources;
import org.telco.app.credit.EmergencyCredit;
import org.telco.app.credit.EmergencyCreditSettings;
import org.telco.app.demo.DemoSubscribers;
import org.telco.app.device.DeviceFeatures;
import org.telco.app.device.DeviceSettings;
import org.telco.app.messaging.HandsetRoutes;
import org.telco.app.network.NetworkAdminRoutes;
import org.telco.app.payment.PaymentRoutes;
import org.telco.app.payment.Payments;
import org.telco.app.porting.OperatorPorting;
import org.telco.app.porting.PortInWelcome;
import org.telco.app.porting.RoutingFeed;
import org.telco.app.sms.SmsFeatures;
import org.telco.app.subscriber.ArrearsReopening;
import org.telco.app.subscriber.LifecycleNotices;
import org.telco.app.subscriber.SubscriberRoutes;
import org.telco.app.subscriber.Subscription;
import org.telco.app.traffic.TrafficFeatures;
import org.telco.credit.AdvanceStore;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.AccountResult;
import org.telco.ledger.NewAccount;
import org.telco.messaging.HandsetInbox;
import org.telco.messaging.SmsHandler;
import org.telco.messaging.SmsMessages;
import org.telco.network.NetworkCommandHandler;
import org.telco.network.NetworkCommands;
import org.telco.network.SimulatedHlr;
import org.telco.outbox.Outbox;
import org.telco.outbox.OutboxHandler;
import org.telco.outbox.OutboxRelay;
import org.telco.payment.PaymentProvider;
import org.telco.payment.PaymentRules;
import org.telco.payment.PaymentStore;
import org.telco.payment.PaymentTransfers;
import org.telco.payment.SandboxPaymentProvider;
import org.telco.storage.credit.PgAdvanceStore;
import org.telco.storage.ledger.PgLedgerStore;
import org.telco.storage.messaging.PgHandsetInbox;
import org.telco.storage.network.PgHlrStore;
import org.telco.storage.outbox.PgOutbox;
import org.telco.storage.payment.PgPaymentStore;
import org.telco.storage.sms.PgSmsStore;
import org.telco.storage.subscriber.PgPlanFeeStore;
import org.telco.storage.subscriber.PgSubscriberStore;
import org.telco.storage.time.PgTimerStore;
import org.telco.subscriber.CachingSubscriberStore;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.OperatorProfiles;
import org.telco.subscriber.PlanBook;
import org.telco.subscriber.PlanCatalog;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.SubscriberStore;
import org.telco.time.TimerHandler;
import org.telco.web.Endpoints;

/**
 * What only an operator node has: its profile and plans, subscribers, payments, the billing run,
 * the outbox with its relay, the HLR simulator, the SMS centre, the handset inbox and the device
 * registry, wired over the node's database and ledger engine. It lives apart from {@link Node} so
 * that the node stays the same small wiring for both kinds, and the clearinghouse never opens an
 * operator's tables or house accounts.
 */
public final class OperatorFeatures implements AutoCloseable {
  /** Subscribers kept in memory for the readers on every request (charging, SMS). */
  private static final int CACHED_SUBSCRIBERS_MAX = 200_000;

  private final OperatorProfile profile;
  private final PlanBook plans;
  private final SubscriberStore subscribers;
  private final Outbox outbox;
  private final SimulatedHlr hlr;
  private final HandsetInbox inbox;
  private final SubscriberAccounts accounts;
  private final OutboxRelay relay;
  private final ShardedLedger ledger;
  private final Clock clock;
  private final BillingRun billing;
  private final Subscription subscription;
  private final Payments payments;
  private final SmsFeatures sms;
  private final EmergencyCredit emergencyCredit;
  private final DeviceFeatures devices;
  private final OperatorPorting porting; // null without a link to the clearinghouse
  private final RoutingFeed routingFeed;
  private final TrafficFeatures traffic;
  private final ChargingFeatures charging;
  private final PaymentProvider provider = SandboxPaymentProvider.standard();
  private final PaymentRules paymentRules = PaymentRules.standard();
  private final AdvanceStore advances;

  private OperatorFeatures(
      String name,
      DataSource dataSource,
      ShardedLedger ledger,
      Clock clock,
      OperatorProfiles operators,
      FeatureSettings settings,
      OperatorLinks links) {
    OperatorId id = new OperatorId(name);
    this.profile =
        operators
            .find(id)
            .orElseThrow(
                () -> new IllegalArgumentException("operators.json has no operator " + name));
    this.plans = new PlanBook(PlanCatalog.demo(id), new PgPlanFeeStore(dataSource));
    this.subscribers =
        new CachingSubscriberStore(new PgSubscriberStore(dataSource), CACHED_SUBSCRIBERS_MAX);
    PaymentStore paymentStore = new PgPaymentStore(dataSource);
    this.outbox = new PgOutbox(dataSource);
    this.hlr = new SimulatedHlr(new PgHlrStore(dataSource), clock);
    this.inbox = new PgHandsetInbox(dataSource);
    this.accounts = new SubscriberAccounts(new EngineShards(ledger));
    this.routingFeed = new RoutingFeed(links.clearinghouse());
    this.sms =
        new SmsFeatures(
            profile,
            operators,
            routingFeed.owners(operators),
            new PgSmsStore(dataSource),
            subscribers,
            ledger,
            links.peers(),
            links.esmes(),
            links.smppPort(),
            clock);
    DataServices data =
        DataServices.wire(
            profile, dataSource, subscribers, plans, ledger, outbox, settings.traffic(), clock);
    this.traffic = data.traffic();
    this.charging = data.charging();
    this.relay = relay(clock);
    this.ledger = ledger;
    this.clock = clock;
    PgLedgerStore committed = new PgLedgerStore(dataSource);
    this.advances = new PgAdvanceStore(dataSource);
    ArrearsReopening reopening =
        new ArrearsReopening(
            subscribers, advances, ledger, new LifecycleNotices(profile, outbox), clock);
    this.emergencyCredit =
        emergencyCredit(settings.emergencyCredit(), dataSource, advances, committed, reopening);
    this.billing =
        new BillingRun(
            profile,
            plans::current,
            subscribers,
            accounts,
            ledger,
            committed,
            outbox,
            reopening,
            emergencyCredit.offerTimers(),
            clock,
            BillingRun.DEFAULT_CHUNK);
    this.subscription =
        new Subscription(profile, subscribers, accounts, ledger, clock, new SecureRandom());
    this.payments = payments(paymentStore, reopening);
    this.devices = devices(dataSource, settings.devices());
    this.porting =
        links.clearinghouse() == null
            ? null
            : porting(
                dataSource,
                new OperatorPorting.Debts(advances, reopening),
                links,
                new OperatorPorting.Routes(routingFeed, operators, settings.porting()));
  }

  /** Delivers the outbox: network commands to the HLR, SMS to the centre. */
  private OutboxRelay relay(Clock clock) {
    return new OutboxRelay(outbox, clock, handlers());
  }

  /** The outbox's handlers: network commands (with charging's aborts), SMS, charging notices. */
  private Map<String, OutboxHandler> handlers() {
    Map<String, OutboxHandler> handlers =
        new HashMap<>(
            charging.outboxHandlers(NetworkCommands.TOPIC, new NetworkCommandHandler(hlr)));
    handlers.put(SmsMessages.TOPIC, new SmsHandler(sms.centre()));
    return handlers;
  }

  private OperatorPorting porting(
      DataSource dataSource,
      OperatorPorting.Debts debts,
      OperatorLinks links,
      OperatorPorting.Routes routes) {
    return new OperatorPorting(
        dataSource,
        subscribers,
        plans::current,
        subscription,
        debts,
        new OperatorPorting.Money(ledger, accounts),
        links.clearinghouse(),
        new PortInWelcome(sms.centre(), profile.serviceShortCode(), profile.name(), clock),
        routes,
        clock);
  }

  private DeviceFeatures devices(DataSource dataSource, DeviceSettings settings) {
    return new DeviceFeatures(
        profile,
        dataSource,
        subscribers,
        sms.centre(),
        sms.shortCodes(),
        sms.serviceKeywords(),
        new DeviceFeatures.CarrierBilling(ledger, accounts),
        settings,
        clock);
  }

  private Payments payments(PaymentStore paymentStore, ArrearsReopening reopening) {
    return new Payments(
        subscribers,
        paymentStore,
        provider,
        paymentRules,
        new PaymentTransfers(accounts),
        ledger,
        reopening,
        emergencyCredit.repayment(),
        clock);
  }

  private EmergencyCredit emergencyCredit(
      EmergencyCreditSettings settings,
      DataSource dataSource,
      AdvanceStore advances,
      PgLedgerStore committed,
      ArrearsReopening reopening) {
    return new EmergencyCredit(
        profile,
        settings.policyIn(profile.zone()),
        subscribers,
        advances,
        accounts,
        ledger,
        committed,
        outbox,
        new PgTimerStore(dataSource),
        reopening,
        clock);
  }

  /**
   * Wires the operator {@code name} and opens its house accounts in the ledger. Opening is
   * idempotent, so a restart finds them replayed.
   *
   * @throws IllegalArgumentException when {@code name} is not one of {@code operators}
   * @throws IllegalStateException when the ledger refuses a house account
   */
  public static OperatorFeatures start(
      String name,
      DataSource dataSource,
      ShardedLedger ledger,
      Clock clock,
      OperatorProfiles operators,
      FeatureSettings settings,
      OperatorLinks links) {
    OperatorFeatures features =
        new OperatorFeatures(name, dataSource, ledger, clock, operators, settings, links);
    List<NewAccount> house = new ArrayList<>(features.accounts.houseAccounts());
    house.addAll(features.traffic.houseAccounts());
    house.addAll(features.charging.partnerAccounts());
    List<AccountResult> results = ledger.open(house).join();
    for (AccountResult result : results) {
      switch (result) {
        case AccountResult.Opened opened -> {}
        case AccountResult.Rejected rejected ->
            throw new IllegalStateException(
                "house account of " + name + " refused: " + rejected.reason());
      }
    }
    return features;
  }

  /** Registers the operator's API under {@code /api/v1}. */
  public void register(HttpRouting.Builder routing, Endpoints endpoints) {
    routing
        .register(
            "/api/v1",
            new SubscriberRoutes(
                profile,
                plans::current,
                subscribers,
                outbox,
                subscription,
                ledger,
                clock,
                endpoints))
        .register("/api/v1", new PaymentRoutes(payments, endpoints))
        .register("/api/v1", new HandsetRoutes(inbox, endpoints))
        .register("/api/v1", new NetworkAdminRoutes(hlr, endpoints));
    sms.register(routing, endpoints);
    emergencyCredit.register(routing, endpoints);
    devices.register(routing, endpoints);
    traffic.register(routing, endpoints);
    charging.register(routing, endpoints);
    if (porting != null) {
      porting.register(routing, endpoints);
    }
  }

  /** The operator console's pages (docs/console.md), to register under {@link Console#ROOT}. */
  public OperatorConsoleRoutes consoleRoutes(Console console, ConsoleFeeds feeds) {
    return new OperatorConsoleRoutes(
        console,
        new OperatorConsoleSources(
            subscribers,
            plans,
            traffic,
            devices.store(),
            ledger,
            advances,
            inbox,
            sms.centre(),
            payments::topUps,
            charging,
            feeds));
  }

  /**
   * Seeds the demo subscribers of this operator, skipping those that exist (docs in README).
   *
   * @return how many were created now
   */
  public int seedDemoData() {
    return new DemoSubscribers(profile, plans::current, subscribers, subscription, payments).seed();
  }

  /**
   * Runs the billing cycles due now (docs/prepaid.md, "Billing run").
   *
   * @return how many subscriber cycles were handled
   */
  public int billDue() {
    return billing.runDue();
  }

  /**
   * Delivers every outbox message due now, round after round, until a round delivers none.
   *
   * @return how many were delivered
   */
  public int relayDue() {
    int total = 0;
    int delivered;
    while ((delivered = relay.relayOnce()) > 0) {
      total += delivered;
    }
    return total;
  }

  /**
   * Voids abandoned traffic purchases and closes ended data buckets (docs/traffic.md).
   *
   * @return how many were handled
   */
  public int sweepTraffic() {
    return traffic.sweep();
  }

  /** The operator's replica of the routing database. */
  public RoutingFeed routingFeed() {
    return routingFeed;
  }

  /** The handlers of the operator's timers (emergency-credit offers and deadlines), by kind. */
  public Map<String, TimerHandler> timerHandlers() {
    Map<String, TimerHandler> handlers = new HashMap<>(emergencyCredit.timerHandlers());
    handlers.putAll(traffic.timerHandlers());
    return handlers;
  }

  /** Stops the SMS centre and its SMPP server; the stores borrow the node's pool. */
  @Override
  public void close() {
    charging.close();
    sms.close();
  }
}
