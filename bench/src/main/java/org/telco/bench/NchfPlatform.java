package org.telco.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.telco.app.Node;
import org.telco.app.Platform;
import org.telco.app.charging.NetworkFunctionKeys;
import org.telco.app.demo.PlatformClient;
import org.telco.engine.EngineSettings;
import org.telco.storage.ScratchSpace;

/**
 * The real platform for the Nchf benchmark: the clearinghouse and operator alpha started through
 * {@link Platform} exactly as {@code telco serve} starts them, each on a fresh database {@code
 * bench_nchf_<node>} of the benchmark's PostgreSQL server (fsync on), on the system clock.
 */
final class NchfPlatform implements AutoCloseable {
  static final String OPERATOR = "alpha";
  private static final List<String> NODES = List.of("clearinghouse", OPERATOR);
  private static final String PREFIX = "bench_nchf_";

  private final BenchPostgres postgres;
  private final Platform platform;
  private final Path dataDirectory;
  private final String url;

  private NchfPlatform(BenchPostgres postgres, Platform platform, Path dataDirectory, String url) {
    this.postgres = postgres;
    this.platform = platform;
    this.dataDirectory = dataDirectory;
    this.url = url;
  }

  /** Starts the nodes on free ports with {@code shards} ledger shards each. */
  static NchfPlatform start(BenchPostgres postgres, int shards) throws IOException {
    BenchNodes nodes =
        BenchNodes.of(postgres, NODES, PREFIX, EngineSettings.DEFAULT.withShardCount(shards));
    return new NchfPlatform(
        postgres,
        Platform.start(nodes.settings()),
        nodes.dataDirectory(),
        nodes.urls().get(OPERATOR));
  }

  String url() {
    return url;
  }

  String adminKey() {
    return platform.credentials().of(OPERATOR).adminApiKey();
  }

  /** The key an SMF charges with: Nchf only. */
  String networkFunctionKey() {
    return NetworkFunctionKeys.of(OPERATOR, adminKey());
  }

  PlatformClient api() {
    return new PlatformClient(url, adminKey(), platform.credentials().of(OPERATOR).partnerApiKey());
  }

  Node operator() {
    return platform.nodes().stream()
        .filter(node -> node.name().equals(OPERATOR))
        .findFirst()
        .orElseThrow();
  }

  /** One number from the operator's database. */
  long queryLong(String sql) {
    try (Connection connection = postgres.connect(PREFIX + OPERATOR);
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + sql, e);
    }
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
