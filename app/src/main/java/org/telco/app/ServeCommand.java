package org.telco.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.telco.app.charging.NetworkFunctionKeys;
import org.telco.engine.EngineSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code telco serve}: runs the all-in-one platform, or one node of it. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Runs the clearinghouse and the operators alpha, beta and gamma (or one node).")
final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--node",
      defaultValue = "all",
      description = "all, or one of clearinghouse, alpha, beta, gamma (default: ${DEFAULT-VALUE})")
  String node;

  @Option(names = "--port", description = "HTTP port of a single node (default: its usual port)")
  Integer port;

  @Option(
      names = "--smpp-port",
      description = "SMPP port of a single operator node (default: its usual port)")
  Integer smppPort;

  @Option(
      names = "--data-dir",
      defaultValue = "./data",
      description = "data directory (default: ${DEFAULT-VALUE})")
  Path dataDirectory;

  @Option(
      names = "--db-url",
      defaultValue = "${env:TELCO_DB_URL}",
      description = {
        "JDBC URL of an external PostgreSQL >= 15; {node} stands for the node name.",
        "Env: TELCO_DB_URL. Default: embedded PostgreSQL"
      })
  String databaseUrl;

  @Option(
      names = "--db-user",
      defaultValue = "${env:TELCO_DB_USER:-postgres}",
      description = "Env: TELCO_DB_USER")
  String databaseUser;

  @Option(
      names = "--db-password",
      defaultValue = "${env:TELCO_DB_PASSWORD}",
      description = {
        "password for the external database;",
        "prefer the env var TELCO_DB_PASSWORD, which stays out of the process list"
      })
  String databasePassword;

  @Option(
      names = "--clock",
      defaultValue = "system",
      description = "system or simulated (default: ${DEFAULT-VALUE})")
  String clock;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "address to listen on (default: ${DEFAULT-VALUE})")
  String host;

  @Option(
      names = "--pg-port",
      defaultValue = "15432",
      description = "embedded PostgreSQL port (default: ${DEFAULT-VALUE})")
  int postgresPort;

  @Option(
      names = "--shards",
      defaultValue = "2",
      description = "ledger shards per node (default: ${DEFAULT-VALUE})")
  int shards;

  @Option(
      names = "--transfer-window",
      defaultValue = "262144",
      description =
          "newest ledger transfers each shard holds in memory, about 300 bytes each; older ones"
              + " are read from the database when named (default: ${DEFAULT-VALUE})")
  int transferWindow;

  @Option(
      names = "--peer",
      description = "address of another node, e.g. --peer clearinghouse=http://10.0.0.5:8080")
  Map<String, String> peers = new LinkedHashMap<>();

  @Option(
      names = "--demo-data",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "seed demo subscribers on each operator (default: on; see the README)")
  boolean demoData;

  @Override
  public Integer call() throws Exception {
    if (!clock.equals("system") && !clock.equals("simulated")) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this), "--clock must be system or simulated");
    }
    List<NodeSpec> selected = selectedNodes();
    Map<String, String> addresses = new LinkedHashMap<>();
    for (NodeSpec spec : NodeSpec.ALL_IN_ONE) {
      addresses.put(spec.name(), "http://127.0.0.1:" + spec.port());
    }
    for (NodeSpec spec : selected) {
      addresses.put(spec.name(), "http://127.0.0.1:" + spec.port());
    }
    addresses.putAll(peers);
    PlatformSettings settings =
        new PlatformSettings(
            dataDirectory,
            selected,
            addresses,
            databaseUrl,
            databaseUser,
            databasePassword,
            clock.equals("simulated"),
            host,
            postgresPort,
            EngineSettings.DEFAULT.withShardCount(shards).withTransferWindow(transferWindow),
            demoData);
    long started = System.nanoTime();
    Platform platform = Platform.start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  platform.close();
                  stopped.countDown();
                }));
    printBanner(System.out, platform, (System.nanoTime() - started) / 1_000_000);
    stopped.await();
    return 0;
  }

  private List<NodeSpec> selectedNodes() {
    if (node.equals("all")) {
      return NodeSpec.ALL_IN_ONE;
    }
    NodeSpec spec =
        NodeSpec.ALL_IN_ONE.stream()
            .filter(s -> s.name().equals(node))
            .findFirst()
            .orElseThrow(
                () ->
                    new picocli.CommandLine.ParameterException(
                        new picocli.CommandLine(this), "unknown node: " + node));
    NodeSpec chosen = port == null ? spec : spec.onPort(port);
    if (smppPort != null && chosen.kind() == NodeKind.OPERATOR) {
      chosen = chosen.onSmppPort(smppPort);
    }
    return List.of(chosen);
  }

  private void printBanner(PrintStream out, Platform platform, long millis) {
    out.printf(
        "%nTelco is up in %d ms (clock: %s). Demo credentials: %s%n%n",
        millis, clock, dataDirectory.resolve("credentials.json"));
    out.printf("  %-14s %-24s %-46s %s%n", "node", "url", "admin API key", "SMPP port and login");
    for (Node running : platform.nodes()) {
      Credentials.NodeCredentials c = platform.credentials().of(running.name());
      String smpp =
          c.smppSystemId() == null
              ? "-"
              : running.smppPort() + " " + c.smppSystemId() + " / " + c.smppPassword();
      out.printf(
          "  %-14s %-24s %-46s %s%n",
          running.name(), "http://" + host + ":" + running.port(), c.adminApiKey(), smpp);
    }
    out.printf("%n  %-14s %-32s %-24s %s%n", "node", "console", "admin login", "care login");
    for (Node running : platform.nodes()) {
      Credentials.NodeCredentials c = platform.credentials().of(running.name());
      out.printf(
          "  %-14s %-32s %-24s %s%n",
          running.name(),
          "http://" + host + ":" + running.port() + "/console",
          c.consoleUser() + " / " + c.consolePassword(),
          c.careUser() + " / " + c.carePassword());
    }
    // Operators are the nodes with an SMPP login.
    out.printf("%n  %-14s %s%n", "operator", "network-function key (an SMF's, for Nchf only)");
    for (Node running : platform.nodes()) {
      Credentials.NodeCredentials c = platform.credentials().of(running.name());
      if (c.smppSystemId() != null) {
        out.printf(
            "  %-14s %s%n",
            running.name(), NetworkFunctionKeys.of(running.name(), c.adminApiKey()));
      }
    }
    out.printf("%nTry: curl -s http://%s:%d/health%n", host, platform.nodes().getFirst().port());
    out.println("Stop with Ctrl-C.");
    out.flush();
  }
}
