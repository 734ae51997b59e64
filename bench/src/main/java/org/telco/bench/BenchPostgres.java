package org.telco.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.telco.storage.EmbeddedPostgres;
import org.telco.storage.ScratchSpace;

/**
 * The one PostgreSQL server both runs of a benchmark share, so that they meet the same disk, the
 * same settings and the same fsync cost. By default it lives in a fresh temporary directory on a
 * free port and is deleted afterwards; a given data directory is kept.
 */
final class BenchPostgres implements AutoCloseable {
  /** Settings printed before a run, so that its figures can be judged. */
  private static final List<String> SHOWN =
      List.of(
          "server_version",
          "fsync",
          "synchronous_commit",
          "full_page_writes",
          "wal_sync_method",
          "shared_buffers",
          "max_wal_size",
          "commit_delay");

  private final EmbeddedPostgres server;
  private final Path dataDir;
  private final boolean temporary;

  private BenchPostgres(EmbeddedPostgres server, Path dataDir, boolean temporary) {
    this.server = server;
    this.dataDir = dataDir;
    this.temporary = temporary;
  }

  /**
   * Starts the server.
   *
   * @param dataDir where the cluster lives, or null for a fresh temporary directory
   * @param port the port, or null for a free one
   */
  static BenchPostgres start(Path dataDir, Integer port) {
    boolean temporary = dataDir == null;
    Path dir =
        temporary
            ? Path.of(
                    System.getProperty("java.io.tmpdir"),
                    "telco-bench-" + UUID.randomUUID().toString().substring(0, 8))
                .toAbsolutePath()
            : dataDir.toAbsolutePath();
    RuntimeException last = null;
    for (int attempt = 0; attempt < (port == null ? 3 : 1); attempt++) {
      EmbeddedPostgres server =
          new EmbeddedPostgres(dir, port == null ? ScratchSpace.freePort() : port);
      try {
        server.start();
        return new BenchPostgres(server, dir, temporary);
      } catch (RuntimeException e) {
        last = e;
      }
    }
    if (temporary) {
      ScratchSpace.deleteTree(dir);
    }
    throw last;
  }

  /** Where the cluster lives. */
  Path dataDir() {
    return dataDir;
  }

  /** A new, empty database {@code name}; an old one of that name is dropped first. */
  void recreateDatabase(String name) {
    execute("postgres", "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    server.ensureDatabase(name);
  }

  /** The JDBC URL of {@code database}. */
  String jdbcUrl(String database) {
    return server.jdbcUrl(database);
  }

  String user() {
    return server.user();
  }

  String password() {
    return server.password();
  }

  /** A new connection to {@code database}, in auto-commit mode. */
  Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), user(), password());
  }

  /** The server settings that decide what a commit costs, as {@code SHOW} reports them. */
  Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    try (Connection connection = connect("postgres");
        Statement statement = connection.createStatement()) {
      for (String name : SHOWN) {
        try (ResultSet row = statement.executeQuery("SHOW " + name)) {
          row.next();
          settings.put(name, row.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the server settings", e);
    }
    return settings;
  }

  /** Write-ahead log counters of the whole server since its start. */
  WalCounters wal() {
    try (Connection connection = connect("postgres");
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT wal_bytes, wal_sync FROM pg_stat_wal")) {
      row.next();
      return new WalCounters(row.getLong(1), row.getLong(2));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read pg_stat_wal", e);
    }
  }

  /**
   * Cumulative write-ahead log counters.
   *
   * @param bytes WAL bytes generated
   * @param syncs WAL flushes to disk (fsync or equivalent)
   */
  record WalCounters(long bytes, long syncs) {
    WalCounters minus(WalCounters earlier) {
      return new WalCounters(bytes - earlier.bytes, syncs - earlier.syncs);
    }
  }

  private void execute(String database, String sql) {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + sql, e);
    }
  }

  /** Stops the server and deletes a temporary data directory. */
  @Override
  public void close() {
    try {
      server.stop();
    } finally {
      if (temporary) {
        ScratchSpace.deleteTree(dataDir);
      }
    }
  }
}
