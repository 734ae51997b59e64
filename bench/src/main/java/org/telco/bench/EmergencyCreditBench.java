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
import org.telco.app.credit.EmergencyCredit;
import org.telco.app.credit.EmergencyCreditSettings;
import org.telco.app.subscriber.ArrearsReopening;
import org.telco.app.subscriber.LifecycleNotices;
import org.telco.credit.AdvanceStore;
import org.telco.credit.EmergencyCreditPolicy;
import org.telco.engine.EngineSettings;
import org.telco.engine.ShardStatistics;
import org.telco.engine.ShardedLedger;
import org.telco.outbox.Outbox;
import org.telco.storage.Database;
import org.telco.storage.credit.PgAdvanceStore;
import org.telco.storage.ledger.PgLedgerStore;
import org.telco.storage.outbox.PgOutbox;
import org.telco.storage.subscriber.PgSubscriberStore;
import org.telco.storage.time.PgTimerStore;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.OperatorProfiles;
import org.telco.subscriber.Plan;
import org.telco.subscriber.PlanCatalog;
import org.telco.subscriber.PlanId;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.SubscriberStore;
import org.telco.time.SimulatedClock;
import org.telco.time.TimerPoller;
import org.telco.time.TimerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code telco-bench emergency-credit}: a whole base barred for arrears at one instant, whose
 * emergency-credit offers (flow F1) all fall due together, fired by the node's own {@link
 * TimerPoller} with the product's handlers on the real stores, every commit durable. The committed
 * state is audited afterwards; the exit status is non-zero when the audit fails or the run misses
 * the target.
 */
@Command(
    name = "emergency-credit",
    mixinStandardHelpOptions = true,
    description =
        "Times the timer poller firing a whole base's emergency-credit offers (fsync on).")
final class EmergencyCreditBench implements Callable<Integer> {
  /** The poller must fire the default base's offers within this time. */
  static final Duration TARGET = Duration.ofSeconds(60);

  private static final String DATABASE = "bench_emergency_credit";

  /** The day every number was barred, at midnight in the operator's zone. */
  private static final LocalDate CYCLE_DATE = LocalDate.of(2026, 12, 15);

  /** Every seeded number is on this plan: a fee of 18 yuan and the default advance of 10. */
  private static final PlanId PLAN = new PlanId("standard");

  /** Seconds between two progress lines. */
  private static final long PROGRESS_SECONDS = 10;

  @Option(
      names = "--subscribers",
      defaultValue = "1000000",
      description = "numbers barred, one offer each (default: ${DEFAULT-VALUE})")
  int subscribers;

  @Option(
      names = "--shards",
      defaultValue = "2",
      description = "engine shards (default: ${DEFAULT-VALUE})")
  int shards;

  @Option(
      names = "--batches-in-flight",
      description = "batches the poller fires at once (default: TimerPoller's, 2)")
  Integer batchesInFlight;

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
    if (subscribers < 1 || subscribers > 99_999_999 || shards < 1 || inFlight() < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "need 1 to 99,999,999 subscribers, a positive shard count and batches in flight");
    }
    PrintStream out = System.out;
    out.printf(
        "emergency-credit benchmark: %,d offers due at one instant, batches of up to %,d,"
            + " %d in flight, %d shard(s)%n",
        subscribers, TimerPoller.BATCH_MAX, inFlight(), shards);
    new BenchReport(out).machine();
    try (BenchPostgres postgres = BenchPostgres.start(dataDir, postgresPort)) {
      if (!new BenchReport(out).durable(postgres)) {
        return 1;
      }
      postgres.recreateDatabase(DATABASE);
      try (Database database =
          Database.open(postgres.jdbcUrl(DATABASE), postgres.user(), postgres.password())) {
        return run(postgres, database, out);
      }
    }
  }

  private int run(BenchPostgres postgres, Database database, PrintStream out)
      throws SQLException, IOException {
    OperatorProfile profile =
        OperatorProfiles.allInOne().find(new OperatorId("alpha")).orElseThrow();
    Plan plan = PlanCatalog.demo(profile.id()).find(PLAN).orElseThrow();
    EmergencyCreditPolicy policy = EmergencyCreditSettings.defaults().policyIn(profile.zone());
    Instant barredAt = CYCLE_DATE.atStartOfDay(profile.zone()).toInstant();
    Instant createdAt = CYCLE_DATE.minusMonths(1).atStartOfDay(profile.zone()).toInstant();
    SimulatedClock clock = new SimulatedClock(barredAt);
    TimedStore store = new TimedStore(new PgLedgerStore(database.dataSource()));
    ShardedLedger ledger =
        ShardedLedger.start(store, clock, EngineSettings.DEFAULT.withShardCount(shards));
    try {
      CallTimes times = new CallTimes();
      Wiring wiring = wire(profile, policy, database, ledger, store, clock, times);
      EmergencyCreditSeed seed =
          new EmergencyCreditSeed(
              profile,
              plan,
              wiring.accounts(),
              wiring.credit().offerTimers(),
              subscribers,
              createdAt,
              barredAt);
      long advance = policy.amountFor(plan.id());
      out.printf(
          "%nseeding: %,d subscribers on %s, barred for arrears at %s with %,d fen due and no"
              + " money; offers due at %s%n",
          subscribers, plan.id().value(), barredAt, plan.monthlyFeeFen(), seed.offersDueAt());
      long seedStart = System.nanoTime();
      seed.seed(database.dataSource(), ledger);
      settle(database);
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      out.printf("  seeded in %.1f s (not part of the measured run)%n", seedSeconds);

      clock.advance(Duration.between(barredAt, seed.offersDueAt()));
      times.reset();
      Measured measured = measure(postgres, wiring.poller(), ledger, store, times, out);
      boolean passed =
          new EmergencyCreditAudit(
                  database.dataSource(),
                  ledger,
                  subscribers,
                  advance,
                  plan.monthlyFeeFen() - advance,
                  out)
              .run(measured.fired());
      boolean full = subscribers >= 1_000_000;
      boolean met = !full || measured.seconds() <= TARGET.toSeconds();
      out.printf("%n== summary ==%n");
      out.printf(
          "  %,d offers fired in %.1f s (%,.0f timers/s); seeding took %.1f s%n",
          measured.fired(), measured.seconds(), measured.fired() / measured.seconds(), seedSeconds);
      out.printf(
          "  target: 1,000,000 due timers fired in <= %d s: %s%n",
          TARGET.toSeconds(), !full ? "not measured (smaller base)" : met ? "met" : "NOT met");
      out.printf("  audit: %s%n", passed ? "PASS" : "FAIL");
      return passed && met ? 0 : 1;
    } finally {
      ledger.close();
    }
  }

  /**
   * Emergency credit as {@code OperatorFeatures} wires it, and the poller as {@code Node} does,
   * with every store call timed.
   */
  private Wiring wire(
      OperatorProfile profile,
      EmergencyCreditPolicy policy,
      Database database,
      ShardedLedger ledger,
      TimedStore committed,
      SimulatedClock clock,
      CallTimes times) {
    SubscriberStore subscribers =
        times.wrap(SubscriberStore.class, new PgSubscriberStore(database.dataSource()));
    AdvanceStore advances =
        times.wrap(AdvanceStore.class, new PgAdvanceStore(database.dataSource()));
    Outbox outbox = times.wrap(Outbox.class, new PgOutbox(database.dataSource()));
    TimerStore timers = times.wrap(TimerStore.class, new PgTimerStore(database.dataSource()));
    SubscriberAccounts accounts = new SubscriberAccounts(new EngineShards(ledger));
    EmergencyCredit credit =
        new EmergencyCredit(
            profile,
            policy,
            subscribers,
            advances,
            accounts,
            ledger,
            committed,
            outbox,
            timers,
            new ArrearsReopening(
                subscribers, advances, ledger, new LifecycleNotices(profile, outbox), clock),
            clock);
    TimerPoller poller =
        new TimerPoller(timers, clock, credit.timerHandlers(), Duration.ofSeconds(30), inFlight());
    return new Wiring(accounts, credit, poller);
  }

  private int inFlight() {
    return batchesInFlight == null ? TimerPoller.DEFAULT_BATCHES_IN_FLIGHT : batchesInFlight;
  }

  /** Polls until nothing is due, timing it, and prints what it cost. */
  private static Measured measure(
      BenchPostgres postgres,
      TimerPoller poller,
      ShardedLedger ledger,
      TimedStore store,
      CallTimes times,
      PrintStream out) {
    out.printf("%n== offers: TimerPoller.pollDue() until nothing is due ==%n");
    BenchPostgres.WalCounters walBefore = postgres.wal();
    double postgresBefore = PostgresCpu.seconds(postgres.dataDir());
    long commitsBefore = groupCommits(ledger);
    long storeBefore = store.commitNanos();
    MachineUsage before = MachineUsage.now();
    Thread progress = Thread.ofPlatform().daemon().start(() -> progress(times, before, out));
    long fired = 0;
    long polls = 0;
    int completed;
    try {
      while ((completed = poller.pollDue()) > 0) {
        fired += completed;
        polls++;
      }
    } finally {
      progress.interrupt();
    }
    MachineUsage after = MachineUsage.now();
    double postgresCpu = PostgresCpu.seconds(postgres.dataDir()) - postgresBefore;
    BenchPostgres.WalCounters wal = postgres.wal().minus(walBefore);
    double seconds = (after.wallNanos() - before.wallNanos()) / 1e9;
    out.printf(
        "  timers fired              %,d in %,d calls of pollDue, %,d batches%n",
        fired, polls, times.calls(TimerStore.class, "completeAll"));
    out.printf("  run time                  %.1f s%n", seconds);
    out.printf("  timers/s                  %,.0f%n", fired / seconds);
    out.printf(
        "  ledger                    %,d group commits, store commit %.1f s (summed over shards)%n",
        groupCommits(ledger) - commitsBefore, (store.commitNanos() - storeBefore) / 1e9);
    out.printf(
        "  WAL                       %.1f MB/s, %.0f flushes/s%n",
        wal.bytes() / 1e6 / seconds, wal.syncs() / seconds);
    out.println("  CPU: " + after.since(before));
    double jvmCpu = (after.jvmCpuNanos() - before.jvmCpuNanos()) / 1e9;
    out.printf(
        "  CPU of this run alone     JVM %.1f s + its PostgreSQL %.1f s = %.1f core-seconds"
            + " (%.0f µs per timer; %.1f s if both cores did nothing else)%n",
        jvmCpu,
        postgresCpu,
        jvmCpu + postgresCpu,
        (jvmCpu + postgresCpu) * 1e6 / Math.max(1, fired),
        (jvmCpu + postgresCpu) / Runtime.getRuntime().availableProcessors());
    out.println("  time in store calls (wall time of each call, summed over threads):");
    times.print(out, Math.max(1, fired), "timer");
    return new Measured(fired, seconds);
  }

  /**
   * Prints the timers fired so far every {@link #PROGRESS_SECONDS}, until interrupted: those the
   * poller completed and those it re-armed for a later step (an offer that granted its advance
   * waits again as the deadline).
   */
  private static void progress(CallTimes times, MachineUsage start, PrintStream out) {
    try {
      while (true) {
        Thread.sleep(Duration.ofSeconds(PROGRESS_SECONDS));
        double elapsed = (System.nanoTime() - start.wallNanos()) / 1e9;
        long completed =
            times.rows(TimerStore.class, "completeAll") + times.rows(TimerStore.class, "rearmAll");
        out.printf("  %5.1f s: %,d fired (%,.0f/s)%n", elapsed, completed, completed / elapsed);
      }
    } catch (InterruptedException e) {
      // the run is over
    }
  }

  private static long groupCommits(ShardedLedger ledger) {
    long commits = 0;
    for (ShardStatistics shard : ledger.statistics()) {
      commits += shard.batches();
    }
    return commits;
  }

  /**
   * What the run fires with.
   *
   * @param accounts the operator's accounts in the engine
   * @param credit emergency credit, wired as on a node
   * @param poller the node's poller with emergency credit's handlers
   */
  private record Wiring(SubscriberAccounts accounts, EmergencyCredit credit, TimerPoller poller) {}

  /**
   * What the timed run did.
   *
   * @param fired timers the poller completed
   * @param seconds wall time from the first poll to the one that found nothing due
   */
  private record Measured(long fired, double seconds) {}

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
