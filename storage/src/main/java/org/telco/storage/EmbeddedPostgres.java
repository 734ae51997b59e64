package org.telco.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server run from the binaries Telco ships, for a single node or a test run
 * that should not need an installed database.
 *
 * <p>{@link #start} unpacks the binaries if needed, creates the cluster on first use ({@code
 * initdb}: UTF8, C locale, superuser {@code postgres} with a random password, scram-sha-256,
 * listening on 127.0.0.1 only) and starts it with {@code pg_ctl}. If a server from an earlier run
 * still serves the same data directory it is reused; a lock file left by a crash is cleared. When
 * the JVM is root the server runs as an unprivileged user (see {@code ServerUser}), because
 * PostgreSQL refuses root.
 *
 * <p>Commits are durable ({@code fsync}, {@code synchronous_commit} and {@code full_page_writes}
 * on); checkpoints are spaced for high write rates.
 */
public final class EmbeddedPostgres implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
  private static final String SUPERUSER = "postgres";
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final long ADOPT_WAIT_MILLIS = 30_000;

  private final PostgresBinaries binaries;
  private final ServerUser user;
  private final DataDirectory data;
  private int port;
  private String password;

  /** A server for {@code dataDir} on {@code port}, with binaries from the default cache. */
  public EmbeddedPostgres(Path dataDir, int port) {
    this(dataDir, port, PostgresBinaries.inDefaultCache());
  }

  /** A server for {@code dataDir} on {@code port}, run from {@code binaries}. */
  public EmbeddedPostgres(Path dataDir, int port, PostgresBinaries binaries) {
    this.binaries = binaries;
    this.user = ServerUser.forThisProcess();
    this.data = new DataDirectory(dataDir, user);
    this.port = port;
  }

  /** Starts the server, or adopts the one already serving this data directory. */
  public synchronized EmbeddedPostgres start() {
    binaries.install();
    data.prepare();
    user.requireReachable(List.of(binaries.program("postgres"), data.path()));
    if (!data.isInitialized()) {
      LOG.info("Creating a PostgreSQL cluster in {} (server user {})", data.path(), user.name());
      data.initialize(binaries, SUPERUSER);
    }
    password = data.password();
    Optional<DataDirectory.Postmaster> previous = data.postmaster();
    if (previous.isPresent() && adopt(previous.get())) {
      return this;
    }
    data.writeSettings(port);
    ServerUser.Finished started =
        user.run(
            data.path(),
            List.of(
                binaries.program("pg_ctl").toString(),
                "-D",
                data.path().toString(),
                "-l",
                data.serverLog().toString(),
                "-w",
                "-t",
                "60",
                "-s",
                "start"));
    if (started.exitCode() != 0) {
      // Another process may have started the same directory a moment before us.
      Optional<DataDirectory.Postmaster> winner = data.postmaster();
      if (winner.isPresent() && winner.get().mayBeAlive() && adopt(winner.get())) {
        return this;
      }
      throw new IllegalStateException(
          "PostgreSQL did not start in "
              + data.path()
              + " on port "
              + port
              + ":\n"
              + started.output()
              + "\n"
              + data.logTail());
    }
    LOG.info(
        "PostgreSQL {} started on 127.0.0.1:{} for {}",
        PostgresBinaries.VERSION,
        port,
        data.path());
    return this;
  }

  /** Stops the server with a fast shutdown (open sessions are ended, then a checkpoint). */
  public synchronized void stop() {
    stop("fast");
  }

  /**
   * Stops the server without its shutdown checkpoint, for a data directory about to be deleted
   * (tests): the checkpoint would write out every dirty page of data nobody will read.
   */
  public synchronized void stopForDeletion() {
    stop("immediate");
  }

  private void stop(String mode) {
    Optional<DataDirectory.Postmaster> running = data.postmaster();
    if (running.isEmpty()) {
      return;
    }
    if (!running.get().mayBeAlive()) {
      data.removeStaleLock();
      return;
    }
    ServerUser.Finished stopped =
        user.run(
            data.path(),
            List.of(
                binaries.program("pg_ctl").toString(),
                "-D",
                data.path().toString(),
                "-m",
                mode,
                "-w",
                "-t",
                "60",
                "-s",
                "stop"));
    if (stopped.exitCode() != 0 && data.postmaster().isPresent()) {
      throw new IllegalStateException(
          "PostgreSQL did not stop in " + data.path() + ": " + stopped.output());
    }
    LOG.info("PostgreSQL stopped for {}", data.path());
  }

  /** Same as {@link #stop}. */
  @Override
  public void close() {
    stop();
  }

  /** The port the server listens on (the running server's, if one was adopted). */
  public synchronized int port() {
    return port;
  }

  /** The JDBC URL of {@code database} on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
  }

  /** The superuser's name. */
  public String user() {
    return SUPERUSER;
  }

  /** The superuser's password; only known once started. Never log it. */
  public synchronized String password() {
    if (password == null) {
      throw new IllegalStateException("PostgreSQL not started");
    }
    return password;
  }

  /** Creates database {@code name} unless it exists; names are lower case, digits and _. */
  public void ensureDatabase(String name) {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ": " + name);
    }
    try (Connection connection = connect(port());
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, name);
      try (ResultSet rows = exists.executeQuery()) {
        if (rows.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE DATABASE \"" + name + "\"");
      }
    } catch (SQLException e) {
      boolean createdMeanwhile = "42P04".equals(e.getSQLState()) || "23505".equals(e.getSQLState());
      if (!createdMeanwhile) {
        throw new IllegalStateException("cannot create database " + name, e);
      }
    }
  }

  /**
   * Reuses the server named in an existing lock file if it is alive and answers; clears the lock
   * file if its process is gone or is not PostgreSQL (a pid reused after a crash).
   */
  private boolean adopt(DataDirectory.Postmaster postmaster) {
    long deadline = System.currentTimeMillis() + ADOPT_WAIT_MILLIS;
    while (true) {
      if (!postmaster.mayBeAlive()) {
        LOG.info("Removing the stale lock file of a crashed server in {}", data.path());
        data.removeStaleLock();
        return false;
      }
      if (postmaster.port() > 0 && answers(postmaster.port())) {
        if (postmaster.port() != port) {
          LOG.warn("Reusing the server on port {} instead of {}", postmaster.port(), port);
        }
        port = postmaster.port();
        LOG.info("Reusing the running PostgreSQL (pid {}) for {}", postmaster.pid(), data.path());
        return true;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException(
            "PostgreSQL process "
                + postmaster.pid()
                + " holds "
                + data.path()
                + " but accepts no connections; stop it or remove it, then start again");
      }
      sleep();
      postmaster = data.postmaster().orElse(DataDirectory.Postmaster.UNREADABLE);
    }
  }

  private boolean answers(int candidatePort) {
    try (Connection connection = connect(candidatePort)) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private Connection connect(int serverPort) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", SUPERUSER);
    properties.setProperty("password", password());
    properties.setProperty("connectTimeout", "5");
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + serverPort + "/postgres", properties);
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
    }
  }
}
