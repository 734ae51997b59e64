package org.telco.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Map;

/** Prints the figures of the runs, each on its own and then side by side. */
final class BenchReport {
  /** The throughput the engine is built for, in committed transfers per second. */
  static final double TARGET_TRANSFERS_PER_SECOND = 50_000;

  /** How many times the naive baseline the engine should do. */
  static final double TARGET_RATIO = 10;

  private final PrintStream out;

  BenchReport(PrintStream out) {
    this.out = out;
  }

  /** The machine the figures come from: cores, JVM, heap and the JVM's options. */
  void machine() {
    out.printf(
        "machine: %d cores, JVM %s, max heap %,d MB, options %s%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        Runtime.getRuntime().maxMemory() >> 20,
        String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
  }

  /**
   * Prints where {@code postgres} keeps its data and the settings that decide the cost of a commit,
   * and whether every commit is durable; a benchmark without fsync and synchronous commit would
   * measure something the product never does, so it says FAIL and stops.
   *
   * @return whether fsync and synchronous_commit are on
   */
  boolean durable(BenchPostgres postgres) {
    out.println("PostgreSQL data directory: " + postgres.dataDir());
    Map<String, String> settings = postgres.settings();
    settings(settings);
    if (!"on".equals(settings.get("fsync")) || !"on".equals(settings.get("synchronous_commit"))) {
      out.println("FAIL: the benchmark needs fsync and synchronous_commit on");
      return false;
    }
    return true;
  }

  /** The server settings that decide the cost of a commit. */
  void settings(Map<String, String> settings) {
    out.println("PostgreSQL settings:");
    settings.forEach((name, value) -> out.printf("  %-20s %s%n", name, value));
  }

  /** One run's figures. */
  void run(RunResult run) {
    LoadDriver.Result load = run.load();
    LatencyRecorder.Percentiles latency = load.latency();
    out.printf(
        "%n== %s: %.0f s measured, one request = %s ==%n",
        run.name(), load.seconds(), run.request());
    out.printf(
        "  transfers/s          %,.0f  (%,d accepted)%n",
        run.transfersPerSecond(), load.measured().accepted());
    out.printf(
        "  rejected             %,d  %s%n",
        load.measured().rejectedCount(), load.measured().rejected());
    out.printf("  requests/s           %,.0f%n", run.requestsPerSecond());
    out.printf(
        "  request latency ms   p50 %s  p99 %s  p99.9 %s  max %s  (%,d requests)%n",
        millis(latency.p50()),
        millis(latency.p99()),
        millis(latency.p999()),
        millis(latency.max()),
        latency.count());
    for (String detail : run.details()) {
      out.println("  " + detail);
    }
    if (load.errors() > 0) {
      out.printf(
          "  FAILED REQUESTS      %d threads stopped; first: %s%n",
          load.errors(), load.firstError());
    }
    out.println("  audit                " + run.audit().description());
  }

  /** Both runs side by side; {@code naive} is null when the baseline was skipped. */
  void summary(RunResult engine, RunResult naive) {
    out.printf("%n== summary ==%n");
    out.printf(
        "  %-22s %14s %14s %10s%n",
        "", engine.name(), naive == null ? "" : naive.name(), naive == null ? "" : "ratio");
    row(
        "transfers/s",
        engine.transfersPerSecond(),
        naive == null ? Double.NaN : naive.transfersPerSecond(),
        "%,.0f");
    row(
        "p50 latency ms",
        engine.load().latency().p50() / 1e6,
        naive == null ? Double.NaN : naive.load().latency().p50() / 1e6,
        "%.2f");
    row(
        "p99 latency ms",
        engine.load().latency().p99() / 1e6,
        naive == null ? Double.NaN : naive.load().latency().p99() / 1e6,
        "%.2f");
    out.printf(
        "  target: >= %,.0f transfers/s through the engine: %s%n",
        TARGET_TRANSFERS_PER_SECOND,
        engine.transfersPerSecond() >= TARGET_TRANSFERS_PER_SECOND ? "met" : "NOT met");
    if (naive != null) {
      double ratio = engine.transfersPerSecond() / naive.transfersPerSecond();
      out.printf(
          "  target: >= %.0fx the naive baseline: %s (%.1fx)%n",
          TARGET_RATIO, ratio >= TARGET_RATIO ? "met" : "NOT met", ratio);
    }
    out.printf(
        "  audits: %s%n", engine.passed() && (naive == null || naive.passed()) ? "PASS" : "FAIL");
  }

  private void row(String label, double engine, double naive, String format) {
    String ratio = Double.isNaN(naive) || naive == 0 ? "" : String.format("%.1fx", engine / naive);
    out.printf(
        "  %-22s %14s %14s %10s%n",
        label,
        String.format(format, engine),
        Double.isNaN(naive) ? "" : String.format(format, naive),
        ratio);
  }

  private static String millis(long nanos) {
    return String.format("%.2f", nanos / 1e6);
  }
}
