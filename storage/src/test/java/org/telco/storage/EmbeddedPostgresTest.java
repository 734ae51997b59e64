package org.telco.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Starting, stopping, reusing and recovering a server on a data directory of its own. */
class EmbeddedPostgresTest {
  private final Path dataDir = PostgresForTests.dataDirectory();

  @AfterEach
  void deleteDataDirectory() {
    new EmbeddedPostgres(dataDir, PostgresForTests.freePort()).stop();
    PostgresForTests.deleteTree(dataDir);
  }

  @Test
  void dataSurvivesStopAndStartOfTheSameDirectory() throws SQLException {
    EmbeddedPostgres first = new EmbeddedPostgres(dataDir, PostgresForTests.freePort()).start();
    first.ensureDatabase("kept");
    execute(first, "kept", "CREATE TABLE note (text text); INSERT INTO note VALUES ('hello')");
    first.stop();

    EmbeddedPostgres second = new EmbeddedPostgres(dataDir, PostgresForTests.freePort()).start();

    assertThat(second.password()).isEqualTo(first.password());
    assertThat(query(second, "kept", "SELECT text FROM note")).isEqualTo("hello");
    second.stop();
  }

  @Test
  void secondInstanceOnARunningDirectoryReusesTheServer() throws SQLException {
    EmbeddedPostgres running = new EmbeddedPostgres(dataDir, PostgresForTests.freePort()).start();
    running.ensureDatabase("shared");
    execute(running, "shared", "CREATE TABLE note (text text); INSERT INTO note VALUES ('one')");

    EmbeddedPostgres second = new EmbeddedPostgres(dataDir, PostgresForTests.freePort()).start();

    assertThat(second.port()).isEqualTo(running.port());
    assertThat(query(second, "shared", "SELECT text FROM note")).isEqualTo("one");
  }

  @Test
  void lockFileLeftByACrashIsCleared() throws Exception {
    EmbeddedPostgres postgres = new EmbeddedPostgres(dataDir, PostgresForTests.freePort()).start();
    postgres.stop();
    // A crash leaves postmaster.pid behind, and after a restart its pid may belong to
    // another process: here, this JVM.
    long foreignPid = ProcessHandle.current().pid();
    Files.writeString(dataDir.resolve("postmaster.pid"), foreignPid + "\n" + dataDir + "\n0\n1\n");

    postgres.start();

    assertThat(query(postgres, "postgres", "SELECT 'up'")).isEqualTo("up");
  }

  @Test
  void dataDirectoryTheServerUserCannotReachIsRefusedWithTheFix() throws Exception {
    assumeTrue(ServerUser.jvmIsRoot(), "only root hands the server to another user");
    Path closed = dataDir.resolveSibling(dataDir.getFileName() + "-closed");
    Files.createDirectories(
        closed, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    try {
      EmbeddedPostgres postgres =
          new EmbeddedPostgres(closed.resolve("data"), PostgresForTests.freePort());

      assertThatThrownBy(postgres::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot enter " + closed)
          .hasMessageContaining("chmod o+x " + closed);
    } finally {
      PostgresForTests.deleteTree(closed);
    }
  }

  private static void execute(EmbeddedPostgres postgres, String database, String sql)
      throws SQLException {
    try (Connection connection = connect(postgres, database);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String query(EmbeddedPostgres postgres, String database, String sql)
      throws SQLException {
    try (Connection connection = connect(postgres, database);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static Connection connect(EmbeddedPostgres postgres, String database)
      throws SQLException {
    return DriverManager.getConnection(
        postgres.jdbcUrl(database), postgres.user(), postgres.password());
  }
}
