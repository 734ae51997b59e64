package org.telco.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.telco.app.EngineShards;
import org.telco.app.billing.BillingRun;
import org.telco.app.credit.EmergencyCreditSettings;
import org.telco.app.credit.OfferTimers;
import org.telco.app.subscriber.ArrearsReopening;
import org.telco.app.subscriber.LifecycleNotices;
import org.telco.engine.EngineSettings;
import org.telco.engine.ShardedLedger;
import org.telco.storage.Database;
import org.telco.storage.credit.PgAdvanceStore;
import org.telco.storage.ledger.PgLedgerStore;
import org.telco.storage.outbox.PgOutbox;
import org.telco.storage.subscriber.PgSubscriberStore;
import org.telco.storage.time.PgTimerStore;
import org.telco.subscriber.BillingCycles;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.OperatorProfiles;
import org.telco.subscriber.PlanCatalog;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.time.SimulatedClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code telco-bench billing}: the monthly fee run of a whole operator base whose cycles all start
 * at one instant, through the product's {@link BillingRun} on the real stores with durable commits.
 * The committed state is audited afterwards; the exit status is non-zero when the audit fails or
 * the run misses the target.
 */
@Command(
    name = "billing",
    mixinStandardHelpOptions = true,
    description = "Times the monthly fee run over a whole subscriber base (fsync on).")
final class BillingBench implements Callable<Integer> {
  /** The run must handle the default base within this time. */
  static final Duration TARGET = Duration.ofSeconds(60);

  private static final String DATABASE = "bench_billing";

  /** The instant every cycle starts, as a date in the operator's zone. */
  private static final LocalDate CYCLE_DATE = LocalDate.of(2026, 12, 15);

  @Option(
      names = "--subscribers",
      defaultValue = "1000000",
      description = "subscribers due (default: ${DEFAULT-VALUE})")
  int subscribers;

  @Option(
      names = "--chunk",
      description = "subscribers per chunk of the run (default: BillingRun.DEFAULT_CHUNK)")
  Integer chunk;

  @Option(
      names = "--shards",
      defaultValue = "2",
      description = "engine shards (default: ${DEFAULT-VALUE})")
  int shards;

  @Option(
      names = "--data-dir",
      description =
          "PostgreSQL data directory, kept afterwards (default: a temporary one, deleted)")
  Path dataDir;

  @Option(names = "--pg-port", description = "PostgreSQL port (default: a free one)")
  Integer postgresPort;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws SQLException, IOException {
    int chunkSize = chunk == null ? BillingRun.DEFAULT_CHUNK : chunk;
    if (subscribers < 1 || subscribers > 99_999_999 || chunkSize < 1 || shards < 1) {
      throw new ParameterException(
          spec.commandLine(), "need 1 to 99,999,999 subscribers, a positive chunk and shards");
    }
    PrintStream out = System.out;
    out.printf(
        "billing benchmark: %,d subscribers due at one instant, chunk %,d, %d shard(s)%n",
        subscribers, chunkSize, shards);
    new BenchReport(out).machine();
    try (BenchPostgres postgres = BenchPostgres.start(dataDir, postgresPort)) {
      if (!new BenchReport(out).durable(postgres)) {
        return 1;
      }
      postgres.recreateDatabase(DATABASE);
      try (Database database =
          Database.open(
              postgres.jdbcUrl(DATABASE), postgres.user(), postgres.password(), shards + 6)) {
        return run(postgres, database, chunkSize, out);
      }
    }
  }

  private int run(BenchPostgres postgres, Database database, int chunkSize, PrintStream out)
      throws SQLException, IOException {
    OperatorProfile profile =
        OperatorProfiles.allInOne().find(new OperatorId("alpha")).orElseThrow();
    PlanCatalog plans = PlanCatalog.demo(profile.id());
    BillingCycles cycles = new BillingCycles(profile.zone());
    Instant due = CYCLE_DATE.atStartOfDay(profile.zone()).toInstant();
    Instant createdAt = CYCLE_DATE.minusMonths(1).atStartOfDay(profile.zone()).toInstant();
    SimulatedClock clock = new SimulatedClock(createdAt);
    PgLedgerStore store = new PgLedgerStore(database.dataSource());
    ShardedLedger ledger =
        ShardedLedger.start(store, clock, EngineSettings.DEFAULT.withShardCount(shards));
    try {
      SubscriberAccounts accounts = new SubscriberAccounts(new EngineShards(ledger));
      BillingSeed seed = new BillingSeed(profile, plans, accounts, subscribers, createdAt);
      BillingSeed.Expected expected = seed.expected();
      out.printf(
          "%nseeding: %,d subscribers (%,d topped up, %,d of them left short of the next fee;"
              + " %,d without money), cycles start %s%n",
          expected.subscribers(), expected.funded(), expected.low(), expected.unfunded(), due);
      long seedStart = System.nanoTime();
      seed.seed(database.dataSource(), ledger);
      settle(database);
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      out.printf("  seeded in %.1f s (not part of the measured run)%n", seedSeconds);

      clock.advance(Duration.between(createdAt, due));
      PgSubscriberStore subscriberStore = new PgSubscriberStore(database.dataSource());
      PgOutbox outbox = new PgOutbox(database.dataSource());
      BillingRun billing =
          new BillingRun(
              profile,
              () -> plans,
              subscriberStore,
              accounts,
              ledger,
              store,
              outbox,
              new ArrearsReopening(
                  subscriberStore,
                  new PgAdvanceStore(database.dataSource()),
                  ledger,
                  new LifecycleNotices(profile, outbox),
                  clock),
              new OfferTimers(
                  new PgTimerStore(database.dataSource()),
                  EmergencyCreditSettings.defaults().policyIn(profile.zone())),
              clock,
              chunkSize);
      Measured measured = measure(postgres, billing, due, out);
      int handled = measured.handled();
      double seconds = measured.seconds();
      boolean passed =
          new BillingAudit(database.dataSource(), ledger, expected, out)
              .run(cycles.nextStartAfter(createdAt, due));
      boolean met = subscribers < 1_000_000 || seconds <= TARGET.toSeconds();
      out.printf("%n== summary ==%n");
      out.printf(
          "  %,d subscribers in %.1f s (%,.0f/s); seeding took %.1f s%n",
          handled, seconds, handled / seconds, seedSeconds);
      out.printf(
          "  target: 1,000,000 subscribers in <= %d s: %s%n",
          TARGET.toSeconds(),
          subscribers < 1_000_000 ? "not measured (smaller base)" : met ? "met" : "NOT met");
      out.printf("  audit: %s%n", passed ? "PASS" : "FAIL");
      return passed && met ? 0 : 1;
    } finally {
      ledger.close();
    }
  }

  /** Times the run and prints what it cost. */
  private static Measured measure(
      BenchPostgres postgres, BillingRun billing, Instant due, PrintStream out) {
    BenchPostgres.WalCounters walBefore = postgres.wal();
    double postgresBefore = PostgresCpu.seconds(postgres.dataDir());
    MachineUsage before = MachineUsage.now();
    int handled = billing.runDue();
    MachineUsage after = MachineUsage.now();
    double postgresCpu = PostgresCpu.seconds(postgres.dataDir()) - postgresBefore;
    BenchPostgres.WalCounters wal = postgres.wal().minus(walBefore);
    double seconds = (after.wallNanos() - before.wallNanos()) / 1e9;
    out.printf("%n== fee run: BillingRun.runDue() at %s ==%n", due);
    out.printf("  subscriber cycles handled %,d%n", handled);
    out.printf("  run time                  %.1f s%n", seconds);
    out.printf("  subscribers/s             %,.0f%n", handled / seconds);
    out.printf(
        "  WAL                       %.1f MB/s, %.0f flushes/s%n",
        wal.bytes() / 1e6 / seconds, wal.syncs() / seconds);
    out.println("  CPU: " + after.since(before));
    double jvmCpu = (after.jvmCpuNanos() - before.jvmCpuNanos()) / 1e9;
    out.printf(
        "  CPU of this run alone     JVM %.1f s + its PostgreSQL %.1f s = %.1f core-seconds"
            + " (%.0f µs per subscriber; %.1f s if both cores did nothing else)%n",
        jvmCpu,
        postgresCpu,
        jvmCpu + postgresCpu,
        (jvmCpu + postgresCpu) * 1e6 / handled,
        (jvmCpu + postgresCpu) / Runtime.getRuntime().availableProcessors());
    return new Measured(handled, seconds);
  }

  /**
   * What the timed run did.
   *
   * @param handled subscriber cycles handled
   * @param seconds wall time of {@code runDue}
   */
  private record Measured(int handled, double seconds) {}

  /**
   * Leaves the seeded tables as a database that has been running for a while would have them:
   * vacuumed and analysed, with the seeding's dirty pages checkpointed.
   */
  private static void settle(Database database) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("VACUUM ANALYZE");
      statement.execute("CHECKPOINT");
    }
  }
}
