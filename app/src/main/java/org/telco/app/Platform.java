package org.telco.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.telco.storage.EmbeddedPostgres;
import org.telco.subscriber.OperatorProfiles;
import org.telco.time.SimulatedClock;

/**
 * The nodes run by one process, with what they share: the data directory, credentials, the clock
 * and (by default) one embedded PostgreSQL server holding one database per node. The default {@code
 * serve} runs the clearinghouse and three operators this way; the nodes still reach each other only
 * over HTTP.
 */
public final class Platform implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Platform.class.getName());

  private final DataDirectoryLock lock;
  private final EmbeddedPostgres postgres;
  private final List<Node> nodes;
  private final Credentials credentials;
  private final Clock clock;
  private final OperatorProfiles operators;
  private final FeatureSettings features;

  private Platform(PlatformSettings settings) throws IOException {
    Files.createDirectories(settings.dataDirectory());
    this.lock = DataDirectoryLock.acquire(settings.dataDirectory());
    ClockListeners listeners = new ClockListeners();
    try {
      this.operators =
          OperatorsFile.loadOrCreate(settings.dataDirectory().resolve("operators.json"));
      this.features = FeatureSettings.loadOrCreate(settings.dataDirectory());
      this.credentials =
          Credentials.loadOrCreate(
              settings.dataDirectory().resolve("credentials.json"), NodeSpec.ALL_IN_ONE);
      this.clock = clock(settings, listeners);
      this.postgres =
          settings.externalDatabase() == null
              ? new EmbeddedPostgres(
                      settings.dataDirectory().resolve("postgres"), settings.postgresPort())
                  .start()
              : null;
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
    this.nodes = new ArrayList<>();
    try {
      for (NodeSpec spec : settings.nodes()) {
        nodes.add(Node.start(spec, environment(settings, spec, listeners)));
      }
      if (settings.demoData()) {
        for (Node node : nodes) {
          int seeded = node.seedDemoData();
          if (seeded > 0) {
            LOG.info(() -> node.name() + ": " + seeded + " demo subscribers seeded");
          }
        }
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Starts every node of the settings; returns when all listen. */
  public static Platform start(PlatformSettings settings) throws IOException {
    return new Platform(settings);
  }

  private NodeEnvironment environment(
      PlatformSettings settings, NodeSpec spec, ClockListeners listeners) {
    Map<String, String> peers = new HashMap<>(settings.peerAddresses());
    peers.remove(spec.name());
    return new NodeEnvironment(
        clock,
        Clock.systemUTC(),
        database(settings, spec),
        credentials,
        peers,
        settings.engine(),
        settings.host(),
        listeners,
        operators,
        features);
  }

  private NodeEnvironment.DatabaseAddress database(PlatformSettings settings, NodeSpec spec) {
    if (postgres == null) {
      return new NodeEnvironment.DatabaseAddress(
          settings.externalDatabase().replace("{node}", spec.name()),
          settings.databaseUser(),
          settings.databasePassword());
    }
    postgres.ensureDatabase(spec.databaseName());
    return new NodeEnvironment.DatabaseAddress(
        postgres.jdbcUrl(spec.databaseName()), postgres.user(), postgres.password());
  }

  /**
   * The system clock, or a simulated one that resumes where the last run left it (saved in the data
   * directory after every advance), so stored timestamps never lie in the future.
   */
  private static Clock clock(PlatformSettings settings, ClockListeners listeners)
      throws IOException {
    if (!settings.simulatedClock()) {
      // Microseconds are what PostgreSQL keeps, so a value reads the same before and after it
      // is stored.
      return Clock.tick(Clock.systemUTC(), Duration.of(1, ChronoUnit.MICROS));
    }
    Path saved = settings.dataDirectory().resolve("simulated-clock.txt");
    Instant start =
        Files.exists(saved)
            ? Instant.parse(Files.readString(saved).trim())
            : Instant.now().truncatedTo(ChronoUnit.SECONDS);
    SimulatedClock simulated = new SimulatedClock(start);
    Files.writeString(saved, start.toString());
    listeners.add(
        () -> {
          try {
            Files.writeString(saved, simulated.instant().toString());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    return simulated;
  }

  /** The running nodes. */
  public List<Node> nodes() {
    return List.copyOf(nodes);
  }

  /** The credentials in use. */
  public Credentials credentials() {
    return credentials;
  }

  /** The platform's business clock. */
  public Clock clock() {
    return clock;
  }

  /** Stops the nodes, then the embedded database. */
  @Override
  public void close() {
    for (Node node : nodes.reversed()) {
      node.close();
    }
    if (postgres != null) {
      postgres.stop();
    }
    try {
      lock.close();
    } catch (IOException e) {
      LOG.warning("cannot release " + DataDirectoryLock.FILE + ": " + e.getMessage());
    }
  }
}
