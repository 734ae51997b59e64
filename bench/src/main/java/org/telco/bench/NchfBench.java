package org.telco.bench;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.telco.app.smf.Provisioning;
import org.telco.engine.ShardStatistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code telco-bench nchf}: Nchf_ConvergedCharging requests per second over HTTP against a real
 * operator node (flow F5), and their latency at a fixed rate. The node runs in this process on a
 * fresh database of the benchmark's PostgreSQL (fsync on); subscribers are provisioned through the
 * API with money and two data packs. A closed loop at the highest rate the workers get gives the
 * throughput figure, then an open loop at a fixed rate (half that, unless {@code --rate}) the
 * latency figure. The audit afterwards checks that money and data were conserved and that the usage
 * recorded is the usage reported; the exit status is non-zero when it fails.
 */
@Command(
    name = "nchf",
    mixinStandardHelpOptions = true,
    description = "Measures Nchf create/update/release requests/s and p99 over HTTP (fsync on).")
final class NchfBench implements Callable<Integer> {
  /** The throughput target, in answered Nchf requests per second. */
  static final double TARGET_PER_SECOND = 10_000;

  /** The latency target at half that rate. */
  static final double TARGET_P99_MILLIS = 50;

  @Option(
      names = "--subscribers",
      defaultValue = "100",
      description = "(default: ${DEFAULT-VALUE})")
  int subscribers;

  @Option(
      names = "--workers",
      defaultValue = "64",
      description = "closed-loop workers, one request in flight each (default: ${DEFAULT-VALUE})")
  int workers;

  @Option(
      names = "--updates",
      defaultValue = "8",
      description = "updates per session between create and release (default: ${DEFAULT-VALUE})")
  int updates;

  @Option(
      names = "--seconds",
      defaultValue = "30",
      description = "measured seconds of each loop (default: ${DEFAULT-VALUE})")
  int seconds;

  @Option(
      names = "--warmup-seconds",
      defaultValue = "10",
      description = "warmup seconds of each loop (default: ${DEFAULT-VALUE})")
  int warmupSeconds;

  @Option(
      names = "--rate",
      defaultValue = "0",
      description = "open-loop requests/s (default: half the closed loop's, at least 1)")
  double rate;

  @Option(
      names = "--shards",
      defaultValue = "2",
      description = "ledger shards of the node (default: ${DEFAULT-VALUE})")
  int shards;

  @Option(
      names = "--data-dir",
      description =
          "PostgreSQL data directory, kept afterwards (default: a temporary one, deleted)")
  Path dataDir;

  @Option(names = "--pg-port", description = "PostgreSQL port (default: a free one)")
  Integer postgresPort;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    out.printf(
        "nchf benchmark: %,d subscribers, sessions of create + %d updates + release in rating"
            + " groups 10 and 1001; closed loop %d workers, then open loop; %d s warmup + %d s"
            + " measured each%n",
        subscribers, updates, workers, warmupSeconds, seconds);
    new BenchReport(out).machine();
    try (BenchPostgres postgres = BenchPostgres.start(dataDir, postgresPort)) {
      if (!new BenchReport(out).durable(postgres)) {
        return 1;
      }
      try (NchfPlatform platform = NchfPlatform.start(postgres, shards)) {
        return run(out, postgres, platform);
      }
    }
  }

  private int run(PrintStream out, BenchPostgres postgres, NchfPlatform platform) throws Exception {
    long seeding = System.nanoTime();
    List<String> numbers = Provisioning.numbers(8613871000001L, subscribers);
    new Provisioning(platform.api(), 100_000, List.of("addon-500m", "video-3g")).provision(numbers);
    out.printf(
        "provisioned %,d subscribers through the API (100.00 yuan, addon-500m, video-3g each)"
            + " in %.1f s%n",
        numbers.size(), (System.nanoTime() - seeding) / 1e9);
    NchfLoad.Shape shape = new NchfLoad.Shape(updates, 100_000, 20_000);
    NchfLoad load =
        new NchfLoad(URI.create(platform.url()), platform.networkFunctionKey(), numbers, shape);
    Phase closed = phase(out, postgres, platform, load, "closed loop", workers, 0);
    double openRate = rate > 0 ? rate : Math.max(1, Math.floor(closed.perSecond() / 2));
    int openWorkers = (int) Math.max(workers, Math.ceil(openRate / 10));
    Phase open = phase(out, postgres, platform, load, "open loop", openWorkers, openRate);
    Thread.sleep(500);
    NchfAudit audit = NchfAudit.of(platform, numbers, load.reportedBytes(), load.uncertainBytes());
    out.println();
    out.println("== summary ==");
    out.printf(
        "throughput (closed loop, %d workers): %,.0f requests/s (target %,.0f: %s)%n",
        workers,
        closed.perSecond(),
        TARGET_PER_SECOND,
        closed.perSecond() >= TARGET_PER_SECOND ? "met" : "NOT met");
    out.printf(
        "latency at %,.0f requests/s (open loop): p50 %.1f ms, p99 %.1f ms (target p99 <= %.0f ms"
            + " at %,.0f/s: %s)%n",
        openRate,
        open.latency().p50() / 1e6,
        open.latency().p99() / 1e6,
        TARGET_P99_MILLIS,
        TARGET_PER_SECOND / 2,
        open.latency().p99() / 1e6 <= TARGET_P99_MILLIS && openRate >= TARGET_PER_SECOND / 2
            ? "met"
            : "NOT met");
    out.println("failed requests (all phases): " + load.failures());
    out.println("audit: " + audit.description());
    return audit.passed() ? 0 : 1;
  }

  /** One loop's figures. */
  record Phase(double perSecond, LatencyRecorder.Percentiles latency) {}

  private Phase phase(
      PrintStream out,
      BenchPostgres postgres,
      NchfPlatform platform,
      NchfLoad load,
      String name,
      int threads,
      double perSecond)
      throws InterruptedException {
    out.printf(
        "%n== %s: %d workers, %s ==%n",
        name,
        threads,
        perSecond > 0 ? String.format("%,.0f requests/s offered", perSecond) : "max");
    long start = System.nanoTime();
    long measureFrom = start + NchfLoad.seconds(warmupSeconds);
    long end = measureFrom + NchfLoad.seconds(seconds);
    ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
    long[] last = {System.nanoTime(), load.answered()};
    progress.scheduleAtFixedRate(
        () -> {
          long now = System.nanoTime();
          long answered = load.answered();
          out.printf(
              "  %s requests/s %,.0f%n",
              LocalTime.now().withNano(0), (answered - last[1]) / ((now - last[0]) / 1e9));
          last[0] = now;
          last[1] = answered;
        },
        5,
        5,
        TimeUnit.SECONDS);
    NchfLoad.Running running = load.start(threads, perSecond, measureFrom, end);
    Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
    MachineUsage usageFrom = MachineUsage.now();
    BenchPostgres.WalCounters walFrom = postgres.wal();
    long[] ledgerFrom = ledger(platform);
    List<NchfLoad.Worker> results = running.await();
    MachineUsage usageTo = MachineUsage.now();
    BenchPostgres.WalCounters wal = postgres.wal().minus(walFrom);
    long[] ledgerTo = ledger(platform);
    progress.shutdownNow();
    long requests = results.stream().mapToLong(w -> w.requests).sum();
    double perSecondDone = requests / (double) seconds;
    LatencyRecorder.Percentiles all =
        LatencyRecorder.merge(results.stream().map(w -> w.all).toList());
    out.printf("answered in the window: %,d = %,.0f requests/s%n", requests, perSecondDone);
    out.println("latency: " + percentiles(all));
    byKind(results).forEach((kind, p) -> out.printf("  %-8s %s%n", kind, percentiles(p)));
    long batches = ledgerTo[0] - ledgerFrom[0];
    long transfers = ledgerTo[1] - ledgerFrom[1];
    long commands = ledgerTo[3] - ledgerFrom[3];
    out.printf(
        "ledger: %,d batches (%,.0f/s, %.2f ms each), %,.1f transfers each, %.1f commands"
            + " (reads and submits) per request, shard threads busy %.0f%%%n",
        batches,
        batches / (double) seconds,
        batches == 0 ? 0 : (ledgerTo[2] - ledgerFrom[2]) / 1e6 / batches,
        batches == 0 ? 0 : transfers / (double) batches,
        requests == 0 ? 0 : commands / (double) requests,
        100.0 * (ledgerTo[2] - ledgerFrom[2]) / (seconds * 1e9 * shards));
    out.printf(
        "WAL: %.1f MB/s, %,.0f flushes/s, %,.0f B per request%n",
        wal.bytes() / 1e6 / seconds,
        wal.syncs() / (double) seconds,
        requests == 0 ? 0 : wal.bytes() / (double) requests);
    out.println("CPU: " + usageTo.since(usageFrom));
    return new Phase(perSecondDone, all);
  }

  private static long[] ledger(NchfPlatform platform) {
    long[] sums = new long[4];
    for (ShardStatistics shard : platform.operator().ledger().statistics()) {
      sums[0] += shard.batches();
      sums[1] += shard.transfers();
      sums[2] += shard.busyNanos();
      sums[3] += shard.commands();
    }
    return sums;
  }

  private static Map<String, LatencyRecorder.Percentiles> byKind(List<NchfLoad.Worker> workers) {
    Map<String, List<LatencyRecorder>> recorders = new TreeMap<>();
    for (NchfLoad.Worker worker : workers) {
      worker.byKind.forEach(
          (kind, r) -> recorders.computeIfAbsent(kind, k -> new ArrayList<>()).add(r));
    }
    Map<String, LatencyRecorder.Percentiles> merged = new TreeMap<>();
    recorders.forEach((kind, list) -> merged.put(kind, LatencyRecorder.merge(list)));
    return merged;
  }

  private static String percentiles(LatencyRecorder.Percentiles p) {
    return String.format(
        "%,d samples, p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms",
        p.count(), p.p50() / 1e6, p.p99() / 1e6, p.p999() / 1e6, p.max() / 1e6);
  }
}
