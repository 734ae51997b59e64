package org.telco.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.telco.app.Platform;
import org.telco.engine.EngineSettings;
import org.telco.storage.ScratchSpace;

/**
 * The real platform for the SMS benchmark: the clearinghouse and operators alpha and beta started
 * through {@link Platform} exactly as {@code telco serve} starts them (HTTP servers, ledger
 * engines, SMS centres, SMPP servers, signed HTTP between the nodes), each node on its own database
 * of the benchmark's PostgreSQL server. Subscribers are created through the subscriber API.
 */
final class SmsPlatform implements AutoCloseable {
  static final List<String> NODES = List.of("clearinghouse", "alpha", "beta");
  private static final String PREFIX = "bench_sms_";

  private final BenchPostgres postgres;
  private final Platform platform;
  private final Path dataDirectory;
  private final Map<String, String> urls;
  private final Map<String, Integer> smppPorts;

  private SmsPlatform(
      BenchPostgres postgres,
      Platform platform,
      Path dataDirectory,
      Map<String, String> urls,
      Map<String, Integer> smppPorts) {
    this.postgres = postgres;
    this.platform = platform;
    this.dataDirectory = dataDirectory;
    this.urls = urls;
    this.smppPorts = smppPorts;
  }

  /** Starts the nodes on free ports and fresh databases {@code bench_sms_<node>}. */
  static SmsPlatform start(BenchPostgres postgres) throws IOException {
    BenchNodes nodes = BenchNodes.of(postgres, NODES, PREFIX, EngineSettings.DEFAULT);
    return new SmsPlatform(
        postgres,
        Platform.start(nodes.settings()),
        nodes.dataDirectory(),
        nodes.urls(),
        nodes.smppPorts());
  }

  int smppPort(String node) {
    return smppPorts.get(node);
  }

  String smppSystemId(String node) {
    return platform.credentials().of(node).smppSystemId();
  }

  String smppPassword(String node) {
    return platform.credentials().of(node).smppPassword();
  }

  /** A new connection to the node's database. */
  Connection connect(String node) throws SQLException {
    return postgres.connect(PREFIX + node);
  }

  /**
   * Creates {@code count} subscribers of {@code node} with numbers {@code range} followed by eight
   * digits, through {@code POST /api/v1/subscribers}, a few at a time.
   *
   * @return their numbers
   */
  List<String> subscribe(String node, String range, int count) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    String key = platform.credentials().of(node).adminApiKey();
    List<String> numbers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      numbers.add(range + String.format("%08d", 10_000 + i));
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
      List<Future<Integer>> created = new ArrayList<>();
      for (String msisdn : numbers) {
        created.add(pool.submit(() -> create(client, node, key, msisdn)));
      }
      for (int i = 0; i < created.size(); i++) {
        int status = created.get(i).get();
        if (status != 201) {
          throw new IllegalStateException(
              "subscriber " + numbers.get(i) + " on " + node + ": HTTP " + status);
        }
      }
    }
    return numbers;
  }

  private int create(HttpClient client, String node, String key, String msisdn)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(urls.get(node) + "/api/v1/subscribers"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"msisdn\":\""
                        + msisdn
                        + "\",\"planId\":\"basic\",\"servicePassword\":\"Qw9-zx81\"}"))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  /** The node's messages by state. */
  Map<String, Long> states(String node) {
    Map<String, Long> states = new HashMap<>();
    try (Connection connection = connect(node);
        PreparedStatement select =
            connection.prepareStatement("SELECT state, count(*) FROM sms_message GROUP BY state");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        states.put(rows.getString(1), rows.getLong(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the messages of " + node, e);
    }
    return states;
  }

  /** Stops the nodes and deletes their data directory (credentials); the databases stay. */
  @Override
  public void close() {
    try {
      platform.close();
    } finally {
      ScratchSpace.deleteTree(dataDirectory);
    }
  }
}
