package org.telco.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code telco-bench sms}: submit_sm per second accepted by an operator's SMPP server, with the
 * centre routing them on at the same time, half to its own subscribers' inboxes and half over
 * signed HTTP to the other operator's centre. The real nodes run in this process on the benchmark's
 * PostgreSQL (fsync on). After the load the benchmark waits for the backlog to drain and audits
 * that every acknowledged message was delivered exactly once; the exit status is non-zero when the
 * audit fails.
 */
@Command(
    name = "sms",
    mixinStandardHelpOptions = true,
    description =
        "Measures submit_sm/s through SMPP with routing to inboxes and a peer (fsync on).")
final class SmsBench implements Callable<Integer> {
  /** The rate the SMS centre is built for, in accepted submit_sm per second. */
  static final double TARGET_PER_SECOND = 5_000;

  @Option(
      names = "--subscribers",
      defaultValue = "1000",
      description = "subscribers on each of alpha and beta (default: ${DEFAULT-VALUE})")
  int subscribers;

  @Option(
      names = "--sessions",
      defaultValue = "8",
      description = "SMPP transceiver sessions (default: ${DEFAULT-VALUE})")
  int sessions;

  @Option(
      names = "--threads",
      defaultValue = "16",
      description = "submitting threads per session (default: ${DEFAULT-VALUE})")
  int threads;

  @Option(
      names = "--receipt-percent",
      defaultValue = "10",
      description = "messages asking for a delivery receipt, in % (default: ${DEFAULT-VALUE})")
  int receiptPercent;

  @Option(
      names = "--local-percent",
      defaultValue = "50",
      description =
          "messages to alpha's own subscribers, in %; the rest go to beta's"
              + " (default: ${DEFAULT-VALUE})")
  int localPercent;

  @Option(
      names = "--seconds",
      defaultValue = "60",
      description = "measured seconds (default: ${DEFAULT-VALUE})")
  int seconds;

  @Option(
      names = "--warmup-seconds",
      defaultValue = "10",
      description = "warmup seconds (default: ${DEFAULT-VALUE})")
  int warmupSeconds;

  @Option(
      names = "--drain-seconds",
      defaultValue = "300",
      description = "longest wait for the backlog to drain (default: ${DEFAULT-VALUE})")
  int drainSeconds;

  @Option(
      names = "--data-dir",
      description =
          "PostgreSQL data directory, kept afterwards (default: a temporary one, deleted)")
  Path dataDir;

  @Option(names = "--pg-port", description = "PostgreSQL port (default: a free one)")
  Integer postgresPort;

  /** The counters at one moment. */
  record Snapshot(
      long nanos,
      long submitted,
      MachineUsage usage,
      BenchPostgres.WalCounters wal,
      Map<String, Long> alpha,
      Map<String, Long> beta) {
    long alphaState(String state) {
      return alpha.getOrDefault(state, 0L);
    }

    long backlog() {
      return alphaState("ACCEPTED") + alphaState("AWAITING_PEER");
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    out.printf(
        "sms benchmark: %,d subscribers each on alpha and beta, %d sessions x %d threads,"
            + " %d%% to alpha, %d%% with receipt, %d s warmup + %d s measured%n",
        subscribers, sessions, threads, localPercent, receiptPercent, warmupSeconds, seconds);
    new BenchReport(out).machine();
    try (BenchPostgres postgres = BenchPostgres.start(dataDir, postgresPort)) {
      if (!new BenchReport(out).durable(postgres)) {
        return 1;
      }
      try (SmsPlatform platform = SmsPlatform.start(postgres)) {
        return run(out, postgres, platform);
      }
    }
  }

  private int run(PrintStream out, BenchPostgres postgres, SmsPlatform platform) throws Exception {
    long seeding = System.nanoTime();
    List<String> alphas = platform.subscribe("alpha", "86138", subscribers);
    List<String> betas = platform.subscribe("beta", "86186", subscribers);
    out.printf(
        "seeded %,d + %,d subscribers through the API in %.1f s%n",
        alphas.size(), betas.size(), (System.nanoTime() - seeding) / 1e9);
    SmppLoad load =
        new SmppLoad(
            new SmppLoad.Shape(sessions, threads, receiptPercent, localPercent), alphas, betas);
    load.bind(
        platform.smppPort("alpha"), platform.smppSystemId("alpha"), platform.smppPassword("alpha"));
    out.printf(
        "%d sessions bound to alpha's SMPP server as %s (bind_transceiver)%n",
        sessions, platform.smppSystemId("alpha"));
    long start = System.nanoTime();
    long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
    long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
    List<SmppLoad.Submitter> submitters = new ArrayList<>();
    Thread driver =
        Thread.ofPlatform()
            .name("sms-load")
            .start(
                () -> {
                  try {
                    submitters.addAll(load.run(measureFrom, end));
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    Snapshot first = snapshot(postgres, platform, load, start);
    ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
    Snapshot[] last = {first};
    progress.scheduleAtFixedRate(
        () -> last[0] = progress(out, postgres, platform, load, last[0]), 10, 10, TimeUnit.SECONDS);
    sleepUntil(measureFrom);
    Snapshot from = snapshot(postgres, platform, load, measureFrom);
    sleepUntil(end);
    Snapshot to = snapshot(postgres, platform, load, end);
    driver.join();
    progress.shutdownNow();
    long drainStart = System.nanoTime();
    Snapshot drained = drain(postgres, platform, load);
    double drainSecondsTaken = (System.nanoTime() - drainStart) / 1e9;
    awaitReceipts(load, submitters);
    load.close();
    SmsReport report = new SmsReport(out, seconds);
    report.window(submitters, from, to, load);
    report.drain(drained, drainSecondsTaken);
    report.receipts(submitters, load);
    List<String> acked = new ArrayList<>();
    for (SmppLoad.Submitter submitter : submitters) {
      acked.addAll(submitter.acked);
      acked.addAll(submitter.ackedWithReceipt);
    }
    SmsAudit audit = SmsAudit.of(platform, acked);
    return report.summary(submitters, from, to, drained, audit) ? 0 : 1;
  }

  private static Snapshot progress(
      PrintStream out,
      BenchPostgres postgres,
      SmsPlatform platform,
      SmppLoad load,
      Snapshot previous) {
    try {
      Snapshot now = snapshot(postgres, platform, load, System.nanoTime());
      double span = (now.nanos() - previous.nanos()) / 1e9;
      out.printf(
          "  %s submit_sm/s %,.0f  delivered/s %,.0f  backlog %,d (ACCEPTED %,d, AWAITING_PEER %,d)%n",
          java.time.LocalTime.now().withNano(0),
          (now.submitted() - previous.submitted()) / span,
          (now.alphaState("DELIVERED") - previous.alphaState("DELIVERED")) / span,
          now.backlog(),
          now.alphaState("ACCEPTED"),
          now.alphaState("AWAITING_PEER"));
      return now;
    } catch (RuntimeException e) {
      out.println("  progress unavailable: " + e);
      return previous;
    }
  }

  static Snapshot snapshot(
      BenchPostgres postgres, SmsPlatform platform, SmppLoad load, long nanos) {
    return new Snapshot(
        nanos,
        load.submitted(),
        MachineUsage.now(),
        postgres.wal(),
        platform.states("alpha"),
        platform.states("beta"));
  }

  private Snapshot drain(BenchPostgres postgres, SmsPlatform platform, SmppLoad load)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
    while (true) {
      Snapshot now = snapshot(postgres, platform, load, System.nanoTime());
      if (now.backlog() == 0 || System.nanoTime() > deadline) {
        return now;
      }
      Thread.sleep(200);
    }
  }

  /** Receipts follow the final state; give the deliverer up to 30 s to hand the last ones. */
  private static void awaitReceipts(SmppLoad load, List<SmppLoad.Submitter> submitters)
      throws InterruptedException {
    long wanted = submitters.stream().mapToLong(s -> s.ackedWithReceipt.size()).sum();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (load.receipted().size() < wanted && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
  }

  private static void sleepUntil(long nanos) throws InterruptedException {
    long left;
    while ((left = nanos - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }
}
