package org.telco.app;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.telco.app.charging.NetworkFunctionKeys;
import org.telco.app.charging.SponsorKeys;
import org.telco.app.console.Console;
import org.telco.app.console.ConsoleFeeds;
import org.telco.app.console.ConsoleLogins;
import org.telco.app.console.ConsoleRoutes;
import org.telco.app.console.Role;
import org.telco.app.ledger.LedgerRoutes;
import org.telco.app.node.ClockRoutes;
import org.telco.app.node.NodeRoutes;
import org.telco.app.node.PeerRoutes;
import org.telco.app.numbers.NumberOperatorRoutes;
import org.telco.app.porting.ClearinghouseFeatures;
import org.telco.charging.Partner;
import org.telco.engine.ShardStatistics;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.TransferId;
import org.telco.porting.routing.Routing;
import org.telco.sms.EsmeAccount;
import org.telco.sms.EsmeAccounts;
import org.telco.storage.Database;
import org.telco.storage.ledger.PgLedgerStore;
import org.telco.storage.time.PgTimerStore;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;
import org.telco.time.TimerHandler;
import org.telco.time.TimerPoller;
import org.telco.web.Access;
import org.telco.web.ApiKeys;
import org.telco.web.Caller;
import org.telco.web.Endpoints;
import org.telco.web.PeerClient;
import org.telco.web.PeerVerifier;
import org.telco.web.Problem;

/**
 * One running node: its database, ledger engine, timer poller and HTTP server, wired explicitly.
 * The same class runs alone ({@code serve --node alpha}) or as one of the four nodes of the
 * all-in-one platform; in both cases it talks to its peers over HTTP only.
 */
public final class Node implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Node.class.getName());

  /** Timer kind of a pending transfer's expiry, in rows written before the ledger's schedule. */
  private static final String PENDING_EXPIRY = "ledger.pending-expiry";

  private static final int EXPIRIES_PER_SHARD = 1_000;

  /** The clearinghouse's node name. */
  static final String CLEARINGHOUSE = "clearinghouse";

  private final NodeSpec spec;
  private final Database database;
  private final ShardedLedger ledger;
  private final TimerPoller poller;
  private final OperatorFeatures operator; // null on the clearinghouse
  private final ClearinghouseFeatures clearinghouse; // null on an operator
  private final WebServer server;
  private final Thread pollerThread;
  private volatile boolean running = true;
  private long lastRoutingFetch = System.nanoTime() - ROUTING_FETCH_NANOS;

  /** How often an operator fetches routing changes itself, besides the clearinghouse's hints. */
  private static final long ROUTING_FETCH_NANOS = 5_000_000_000L;

  private Node(NodeSpec spec, NodeEnvironment env) {
    this.spec = spec;
    NodeEnvironment.DatabaseAddress address = env.database();
    this.database = Database.open(address.jdbcUrl(), address.user(), address.password());
    PgLedgerStore store = new PgLedgerStore(database.dataSource());
    this.ledger = ShardedLedger.start(store, env.clock(), env.engine());
    PgTimerStore timers = new PgTimerStore(database.dataSource());
    List<PeerClient> peers = peerClients(env);
    this.operator =
        spec.kind() == NodeKind.OPERATOR
            ? OperatorFeatures.start(
                spec.name(),
                database.dataSource(),
                ledger,
                env.clock(),
                env.operators(),
                env.features(),
                links(env, peers))
            : null;
    this.clearinghouse =
        spec.kind() == NodeKind.CLEARINGHOUSE
            ? ClearinghouseFeatures.start(
                database.dataSource(),
                ledger,
                env.operators(),
                env.features().porting(),
                byName(peers),
                env.clock())
            : null;
    Map<String, TimerHandler> handlers = new HashMap<>();
    handlers.put(PENDING_EXPIRY, t -> ledger.expireForTimer(new TransferId(t.payload())).join());
    if (operator != null) {
      handlers.putAll(operator.timerHandlers());
    }
    this.poller = new TimerPoller(timers, env.clock(), handlers, Duration.ofSeconds(30));
    PrometheusMeterRegistry metrics = metrics(timers);
    Endpoints endpoints = endpoints(env);
    Console console = console(env);
    this.server =
        WebServer.builder()
            .host(env.host())
            .port(spec.port())
            .routing(routing -> routing(routing, env, store, metrics, endpoints, peers, console))
            .build()
            .start();
    env.clockListeners().add(this::fireDueTimers);
    this.pollerThread = Thread.ofVirtual().name("timers-" + spec.name()).start(this::pollForever);
    LOG.info(() -> spec.name() + " listening on port " + server.port());
  }

  /** Starts a node; returns once its HTTP port is open. */
  public static Node start(NodeSpec spec, NodeEnvironment env) {
    return new Node(spec, env);
  }

  private void routing(
      HttpRouting.Builder routing,
      NodeEnvironment env,
      PgLedgerStore store,
      PrometheusMeterRegistry metrics,
      Endpoints endpoints,
      List<PeerClient> peers,
      Console console) {
    routing
        .register(Console.ROOT, new ConsoleRoutes(console))
        .register(
            "/",
            new NodeRoutes(
                spec.name(), database.dataSource(), openApiResource(), metrics, endpoints))
        .register("/api/v1/admin/ledger", new LedgerRoutes(ledger, store, endpoints))
        .register(
            "/api/v1/admin/clock", new ClockRoutes(env.clock(), env.clockListeners(), endpoints))
        .register("/api/v1", new PeerRoutes(spec.name(), env.clock(), peers, endpoints))
        .register(
            "/api/v1",
            new NumberOperatorRoutes(env.operators(), nodeUrls(env), portedTo(), endpoints));
    if (operator != null) {
      Counter nchf = Counter.builder("telco_nchf_requests").register(metrics);
      routing.addFilter(
          (chain, request, response) -> {
            if (request.path().path().startsWith("/nchf-convergedcharging/")) {
              nchf.increment();
            }
            chain.proceed();
          });
      operator.register(routing, endpoints);
      ConsoleFeeds feeds =
          new ConsoleFeeds(
              portedTo(),
              operator.routingFeed()::portsOf,
              () -> (long) nchf.count(),
              env.wallClock());
      routing.register(Console.ROOT, operator.consoleRoutes(console, feeds));
      routing.register(Console.ROOT, NodeConsoles.handset(console, spec.name(), env, this::port));
    }
    if (clearinghouse != null) {
      clearinghouse.register(routing, endpoints);
      routing.register(
          Console.ROOT,
          clearinghouse.consoleRoutes(console, NodeConsoles.ownApi(spec.name(), env, this::port)));
    }
    routing.any(
        endpoints.handler(
            Access.PUBLIC,
            call -> {
              throw new Problem(
                      404,
                      "not-found",
                      "No such resource",
                      "nothing is served at " + call.request().path().path(),
                      null)
                  .toException();
            }));
  }

  /** Where a number was ported to, by this node's routing data: its replica or its database. */
  private Function<Msisdn, Optional<OperatorId>> portedTo() {
    if (operator != null) {
      return msisdn -> operator.routingFeed().lookup(msisdn).map(Routing::recipient);
    }
    return msisdn -> clearinghouse.routing().operatorOf(msisdn);
  }

  /** Every node's base URL, this one's included, for answers that send callers elsewhere. */
  private Map<String, String> nodeUrls(NodeEnvironment env) {
    Map<String, String> urls = new HashMap<>(env.peerAddresses());
    String host = "0.0.0.0".equals(env.host()) ? "127.0.0.1" : env.host();
    urls.put(spec.name(), "http://" + host + ":" + spec.port());
    return urls;
  }

  /** One document for now: both kinds serve the same API until their features differ. */
  private static String openApiResource() {
    return "/openapi/telco.yaml";
  }

  private Endpoints endpoints(NodeEnvironment env) {
    Credentials.NodeCredentials own = env.credentials().of(spec.name());
    Map<String, Caller> keys = new HashMap<>();
    keys.put(ApiKeys.hash(own.adminApiKey()), new Caller(Access.ADMIN, "admin"));
    keys.put(ApiKeys.hash(own.partnerApiKey()), new Caller(Access.PARTNER, "partner"));
    if (spec.kind() == NodeKind.OPERATOR) {
      keys.put(
          ApiKeys.hash(NetworkFunctionKeys.of(spec.name(), own.adminApiKey())),
          new Caller(Access.NETWORK_FUNCTION, NetworkFunctionKeys.CALLER));
      for (Partner sponsor : env.features().traffic().sponsors()) {
        String key = SponsorKeys.of(own.partnerApiKey(), sponsor.id());
        keys.put(
            ApiKeys.hash(key),
            new Caller(Access.SPONSOR, SponsorKeys.CALLER_PREFIX + sponsor.id()));
      }
    }
    Map<String, byte[]> peerKeys = new HashMap<>();
    for (String peer : env.peerAddresses().keySet()) {
      peerKeys.put(peer, env.credentials().peerKey(spec.name(), peer));
    }
    return new Endpoints(new ApiKeys(keys), new PeerVerifier(peerKeys, env.wallClock()));
  }

  /**
   * The node's console with its two logins from the credentials file: an operator's has the
   * operator pages and the handset simulator; the clearinghouse's has its own pages.
   */
  private Console console(NodeEnvironment env) {
    Credentials.NodeCredentials own = env.credentials().of(spec.name());
    ConsoleLogins logins =
        ConsoleLogins.of(
            List.of(
                new ConsoleLogins.Account(own.consoleUser(), Role.ADMIN, own.consolePassword()),
                new ConsoleLogins.Account(own.careUser(), Role.CARE, own.carePassword())));
    return new Console(spec.name(), logins, env.wallClock(), NodeConsoles.navigation(spec.kind()));
  }

  /**
   * The operator's SMPP login from the credentials file (any source address, 10,000 messages a
   * second), its links to the other operators' centres, and to the clearinghouse.
   */
  private OperatorLinks links(NodeEnvironment env, List<PeerClient> peers) {
    Credentials.NodeCredentials own = env.credentials().of(spec.name());
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    EsmeAccount login =
        EsmeAccount.withPassword(
            own.smppSystemId(), own.smppPassword(), salt, List.of("*"), 10_000, List.of());
    Map<OperatorId, PeerClient> byOperator = new HashMap<>();
    PeerClient clearinghouse = null;
    for (PeerClient peer : peers) {
      if (peer.peer().equals(CLEARINGHOUSE)) {
        clearinghouse = peer;
      } else {
        byOperator.put(new OperatorId(peer.peer()), peer);
      }
    }
    return new OperatorLinks(
        spec.smppPort(), new EsmeAccounts(List.of(login)), byOperator, clearinghouse);
  }

  private List<PeerClient> peerClients(NodeEnvironment env) {
    List<PeerClient> clients = new ArrayList<>();
    env.peerAddresses()
        .forEach(
            (peer, uri) ->
                clients.add(
                    new PeerClient(
                        spec.name(),
                        peer,
                        uri,
                        env.credentials().peerKey(spec.name(), peer),
                        env.wallClock())));
    return clients;
  }

  private PrometheusMeterRegistry metrics(PgTimerStore timers) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("node", spec.name());
    List<ShardStatistics> shards = ledger.statistics();
    for (int i = 0; i < shards.size(); i++) {
      ShardStatistics shard = shards.get(i);
      String index = Integer.toString(i);
      Gauge.builder("telco_ledger_transfers_committed", shard, ShardStatistics::transfers)
          .tag("shard", index)
          .register(registry);
      Gauge.builder("telco_ledger_group_commits", shard, ShardStatistics::batches)
          .tag("shard", index)
          .register(registry);
    }
    Gauge.builder("telco_timers_waiting", timers, PgTimerStore::pendingCount).register(registry);
    return registry;
  }

  /**
   * Expires the ledger's reservations due now, fires every timer due now, runs the billing cycles
   * due now and delivers the outbox messages due now (billing first, so its notices go out in the
   * same call); called by the poller and after the clock is advanced.
   */
  public synchronized void fireDueTimers() {
    while (ledger.expireDue(EXPIRIES_PER_SHARD).join().size() + poller.pollDue() > 0) {
      // Keep going while anything fires: one firing may make another due.
    }
    if (operator != null) {
      try {
        operator.billDue();
      } catch (RuntimeException e) {
        // A failing run must not hold back the notices already in the outbox; it is retried.
        LOG.warning(() -> spec.name() + " billing run failed: " + e);
      }
      operator.sweepTraffic();
      operator.relayDue();
      if (System.nanoTime() - lastRoutingFetch > ROUTING_FETCH_NANOS) {
        lastRoutingFetch = System.nanoTime();
        operator.routingFeed().catchUp();
      }
    }
    if (clearinghouse != null) {
      clearinghouse.resumePorts();
    }
  }

  private static Map<String, PeerClient> byName(List<PeerClient> peers) {
    Map<String, PeerClient> named = new HashMap<>();
    peers.forEach(peer -> named.put(peer.peer(), peer));
    return named;
  }

  private void pollForever() {
    while (running) {
      try {
        fireDueTimers();
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warning(() -> spec.name() + " timer poll failed: " + e);
      }
    }
  }

  /**
   * Seeds the operator's demo subscribers; nothing on the clearinghouse.
   *
   * @return how many were created now
   */
  public int seedDemoData() {
    return operator == null ? 0 : operator.seedDemoData();
  }

  /** The node's name. */
  public String name() {
    return spec.name();
  }

  /** The port of the node's SMPP server, or {@link NodeSpec#NO_SMPP}. */
  public int smppPort() {
    return spec.smppPort();
  }

  /** The HTTP port listened on. */
  public int port() {
    return server.port();
  }

  /** The node's ledger engine. */
  public ShardedLedger ledger() {
    return ledger;
  }

  @Override
  public void close() {
    running = false;
    pollerThread.interrupt();
    server.stop();
    if (operator != null) {
      operator.close();
    }
    ledger.close();
    database.close();
  }
}
