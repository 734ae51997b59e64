package org.telco.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.telco.storage.EmbeddedPostgres;

/**
 * Operator alpha alone in a child JVM ({@code telco serve --node alpha}) on the test JVM's
 * PostgreSQL, so that a test can kill it with SIGKILL and start it again over the same database and
 * data directory.
 */
final class ChildNode {
  private final EmbeddedPostgres server;
  private final String database;
  private final Path dataDirectory;
  private final int port;
  private final int smppPort;
  private Process process;

  /**
   * A node that will use {@code database + "_alpha"}, which must exist.
   *
   * @param port its HTTP port
   * @param smppPort its SMPP port
   */
  ChildNode(EmbeddedPostgres server, String database, Path dataDirectory, int port, int smppPort) {
    this.server = server;
    this.database = database;
    this.dataDirectory = dataDirectory;
    this.port = port;
    this.smppPort = smppPort;
  }

  /** Starts the node and waits until its health check answers; the log goes to node-N.log. */
  void start(int run) throws IOException, InterruptedException {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(
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
                Integer.toString(smppPort),
                "--no-demo-data",
                "--data-dir",
                dataDirectory.toString(),
                "--db-url",
                server.jdbcUrl(database + "_{node}"),
                "--db-user",
                server.user()));
    builder.environment().put("TELCO_DB_PASSWORD", server.password());
    builder.redirectErrorStream(true);
    Path log = dataDirectory.resolve("node-" + run + ".log");
    builder.redirectOutput(log.toFile());
    Process started = builder.start();
    process = started;
    waitUntil(
        () -> {
          if (!started.isAlive()) {
            throw new AssertionError("node exited: " + read(log));
          }
          try {
            return Http.get(url() + "/health", null).status() == 200;
          } catch (AssertionError notYet) {
            return false;
          }
        },
        90);
  }

  /** SIGKILL, and waits until the process is gone. */
  void killNine() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  int smppPort() {
    return smppPort;
  }

  /** A field of node alpha in {@code credentials.json}, such as {@code adminApiKey}. */
  String credential(String field) throws IOException {
    JsonNode credentials =
        new ObjectMapper().readTree(dataDirectory.resolve("credentials.json").toFile());
    return credentials.get("nodes").get("alpha").get(field).asText();
  }

  static void waitUntil(BooleanSupplier condition, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + seconds + " s");
      }
      Thread.sleep(100);
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
