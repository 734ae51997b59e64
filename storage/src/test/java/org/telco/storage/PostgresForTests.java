package org.telco.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL per test JVM, shared by every test that needs a database, in this module
 * and in the modules that use its test-jar.
 *
 * <p>The server starts on first use, on a free port, in a new data directory under {@code target/}
 * (or the temporary directory when that is out of the server user's reach), and is stopped and
 * deleted when the JVM exits. Each test takes a {@link #freshDatabase()} of its own, so tests never
 * see each other's rows and need no cleanup beyond closing it.
 */
public final class PostgresForTests {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static EmbeddedPostgres server;

  private PostgresForTests() {}

  /** The shared server, started on first call. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      server = startOnFreePort(dataDirectory());
    }
    return server;
  }

  /**
   * A new, empty database with the schema migrated, on the shared server. Close it when the test is
   * done.
   */
  public static Database freshDatabase() {
    EmbeddedPostgres postgres = server();
    return Database.open(freshDatabaseUrl(), postgres.user(), postgres.password(), 4);
  }

  /**
   * The JDBC URL of a new, empty database on the shared server (log in with {@code server().user()}
   * and {@code server().password()}), for code under test that opens its own {@link Database}.
   */
  public static String freshDatabaseUrl() {
    EmbeddedPostgres postgres = server();
    String name = "test_" + RUN + "_" + DATABASES.incrementAndGet();
    postgres.ensureDatabase(name);
    return postgres.jdbcUrl(name);
  }

  /** A port nobody listens on right now. */
  public static int freePort() {
    return ScratchSpace.freePort();
  }

  /** Deletes a directory tree, such as a test's data directory once its server stopped. */
  public static void deleteTree(Path root) {
    ScratchSpace.deleteTree(root);
  }

  /** A new data directory path in {@code target/}, or in the temporary directory. */
  public static Path dataDirectory() {
    Path target = Path.of("target").toAbsolutePath();
    Path base = Files.isDirectory(target) && reachable(target) ? target : tmp();
    return base.resolve("pg-test-" + UUID.randomUUID().toString().substring(0, 8));
  }

  private static boolean reachable(Path directory) {
    try {
      ServerUser.forThisProcess().requireReachable(List.of(directory));
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private static Path tmp() {
    return Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
  }

  /** Tries a few ports: another process may take the free one before the server binds it. */
  private static EmbeddedPostgres startOnFreePort(Path dataDir) {
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      EmbeddedPostgres postgres = new EmbeddedPostgres(dataDir, freePort());
      try {
        postgres.start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      postgres.stopForDeletion();
                      deleteTree(dataDir);
                    },
                    "stop-test-postgres"));
        return postgres;
      } catch (IllegalStateException e) {
        last = e;
      }
    }
    throw last;
  }
}
