package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.storage.EmbeddedPostgres;
import org.telco.storage.PostgresForTests;

/**
 * Kills a node with SIGKILL in the middle of a transfer load, restarts it, and checks that every
 * transfer it acknowledged is there exactly once, that nothing else moved, and that every asset
 * still sums to zero.
 */
class CrashRecoveryIT {
  private static final int ACCOUNTS = 40;

  /**
   * The test's accounts are members 2-40 of family 300: one family keeps them on one shard, and
   * families below 256 hold the operator's house accounts.
   */
  private static final long BASE = 300L << 8;

  private static final int CLIENTS = 8;
  private static final int BATCH = 25;

  private final EmbeddedPostgres server = PostgresForTests.server();
  private final String database = "crash_" + UUID.randomUUID().toString().substring(0, 8);
  private final int port = PostgresForTests.freePort();
  private final String url = "http://127.0.0.1:" + port;
  private Path dataDirectory;
  private Process node;

  @AfterEach
  void cleanUp() {
    if (node != null) {
      node.destroyForcibly();
    }
    if (dataDirectory != null) {
      PostgresForTests.deleteTree(dataDirectory);
    }
  }

  @Test
  void acknowledgedTransfersSurviveKillNineExactlyOnce() throws Exception {
    server.ensureDatabase(database + "_alpha");
    dataDirectory = Files.createTempDirectory("telco-crash");
    node = startNode();
    String key = adminKey();
    openAccounts(key);

    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean loading = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      clients.submit(() -> load(client, key, acknowledged, loading));
    }
    waitUntil(() -> acknowledged.size() >= 2_000, 60);
    node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    loading.set(false);
    clients.shutdown();
    assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    node = startNode();

    try (Connection db = connect()) {
      assertThat(countPresent(db, acknowledged)).isEqualTo(acknowledged.size());
      assertBalancesEqualTheirTransfers(db);
      assertEveryAssetSumsToZero(db);
    }
    for (String id : List.copyOf(acknowledged).subList(0, 50)) {
      assertThat(Http.get(url + "/api/v1/admin/ledger/transfers/" + id, key).status())
          .isEqualTo(200);
    }
    assertOldestAreReplayed(key);
  }

  /**
   * The first round of every client, committed long before the node's window of 256 recent
   * transfers, sent again with the same ids and fields: each is answered as a replay (200), and
   * nothing moves.
   */
  private void assertOldestAreReplayed(String key) throws SQLException {
    long before;
    try (Connection db = connect()) {
      before = countAll(db);
    }
    for (int client = 0; client < CLIENTS; client++) {
      Http.Response answer =
          Http.post(url + "/api/v1/admin/ledger/transfers", key, batchJson(client, 0));
      assertThat(answer.status()).isEqualTo(200);
      for (JsonNode result : answer.json()) {
        assertThat(result.get("status").asInt()).as(result.toString()).isEqualTo(200);
      }
    }
    try (Connection db = connect()) {
      assertThat(countAll(db)).isEqualTo(before);
      assertBalancesEqualTheirTransfers(db);
    }
  }

  private static long countAll(Connection db) throws SQLException {
    try (PreparedStatement query = db.prepareStatement("SELECT count(*) FROM ledger_transfer");
        ResultSet rows = query.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private void load(int client, String key, Set<String> acknowledged, AtomicBoolean loading) {
    int round = 0;
    while (loading.get()) {
      String batch = batchJson(client, round);
      round++;
      try {
        Http.Response answer = Http.post(url + "/api/v1/admin/ledger/transfers", key, batch);
        if (answer.status() == 200) {
          for (JsonNode result : answer.json()) {
            if (result.get("status").asInt() == 201) {
              acknowledged.add(result.get("id").asText());
            }
          }
        }
      } catch (AssertionError connectionLost) {
        return;
      }
    }
  }

  /** Round {@code round} of client {@code client}: the same ids and fields each time asked. */
  private static String batchJson(int client, int round) {
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < BATCH; i++) {
      long debit = BASE + 2 + 2L * ((client * 7 + i + round) % (ACCOUNTS / 2));
      long credit = debit + 2 > BASE + ACCOUNTS ? BASE + 2 : debit + 2;
      if (i > 0) {
        batch.append(',');
      }
      batch
          .append("{\"id\":\"c")
          .append(client)
          .append('-')
          .append(round)
          .append('-')
          .append(i)
          .append("\",\"debitAccountId\":")
          .append(debit)
          .append(",\"creditAccountId\":")
          .append(credit)
          .append(",\"amount\":")
          .append(1 + i)
          .append('}');
    }
    return batch.append(']').toString();
  }

  private void openAccounts(String key) {
    for (long id = BASE + 2; id <= BASE + ACCOUNTS; id += 2) {
      Http.Response opened =
          Http.post(
              url + "/api/v1/admin/ledger/accounts",
              key,
              "{\"id\":" + id + ",\"asset\":\"CNY_FEN\",\"name\":\"crash-" + id + "\"}");
      assertThat(opened.status()).isIn(200, 201);
    }
  }

  private long countPresent(Connection db, Set<String> ids) throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement("SELECT count(*) FROM ledger_transfer WHERE id = ANY (?)")) {
      query.setArray(1, db.createArrayOf("text", ids.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /**
   * Each account's stored balances are exactly what its transfers add up to: none applied twice.
   * The operator's house and partner accounts are checked too but not counted.
   */
  private void assertBalancesEqualTheirTransfers(Connection db) throws SQLException {
    String sql =
        """
        SELECT a.id, a.debits_posted, a.credits_posted,
               coalesce((SELECT sum(amount) FROM ledger_transfer t WHERE t.debit_account_id = a.id), 0),
               coalesce((SELECT sum(amount) FROM ledger_transfer t WHERE t.credit_account_id = a.id), 0)
        FROM ledger_account a
        """;
    try (PreparedStatement query = db.prepareStatement(sql);
        ResultSet rows = query.executeQuery()) {
      int accounts = 0;
      while (rows.next()) {
        // Only family 300 is the test's; partner accounts (F5) live in families from 1,024 up.
        if (rows.getLong(1) >>> 8 == BASE >>> 8) {
          accounts++;
        }
        assertThat(rows.getLong(2)).as("debits of %d", rows.getLong(1)).isEqualTo(rows.getLong(4));
        assertThat(rows.getLong(3)).as("credits of %d", rows.getLong(1)).isEqualTo(rows.getLong(5));
      }
      assertThat(accounts).isEqualTo(ACCOUNTS / 2);
    }
  }

  private void assertEveryAssetSumsToZero(Connection db) throws SQLException {
    String sql =
        """
        SELECT asset, sum(debits_posted) - sum(credits_posted), sum(debits_pending) - sum(credits_pending)
        FROM ledger_account GROUP BY asset
        """;
    try (PreparedStatement query = db.prepareStatement(sql);
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        assertThat(rows.getLong(2)).as("posted %s", rows.getString(1)).isZero();
        assertThat(rows.getLong(3)).as("pending %s", rows.getString(1)).isZero();
      }
    }
  }

  private Process startNode() throws Exception {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx512m",
                "-cp",
                classpath,
                Main.class.getName(),
                "serve",
                "--node",
                "alpha",
                "--port",
                Integer.toString(port),
                "--smpp-port",
                Integer.toString(PostgresForTests.freePort()),
                "--no-demo-data",
                // Far fewer than the load commits: the restart and the retries below go past it.
                "--transfer-window",
                "256",
                "--data-dir",
                dataDirectory.toString(),
                "--db-url",
                server.jdbcUrl(database + "_{node}"),
                "--db-user",
                server.user()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("TELCO_DB_PASSWORD", server.password());
    builder.redirectErrorStream(true);
    builder.redirectOutput(dataDirectory.resolve("node.log").toFile());
    Process started = builder.start();
    AtomicInteger attempts = new AtomicInteger();
    waitUntil(
        () -> {
          attempts.incrementAndGet();
          if (!started.isAlive()) {
            throw new AssertionError("node exited: " + log());
          }
          try {
            return Http.get(url + "/health", null).status() == 200;
          } catch (AssertionError notYet) {
            return false;
          }
        },
        60);
    return started;
  }

  private String adminKey() throws Exception {
    JsonNode credentials =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(dataDirectory.resolve("credentials.json").toFile());
    return credentials.get("nodes").get("alpha").get("adminApiKey").asText();
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        server.jdbcUrl(database + "_alpha"), server.user(), server.password());
  }

  private String log() {
    try {
      return Files.readString(dataDirectory.resolve("node.log"));
    } catch (java.io.IOException e) {
      return "(no log)";
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + seconds + " s");
      }
      Thread.sleep(50);
    }
  }
}
