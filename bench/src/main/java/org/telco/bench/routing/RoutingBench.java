package org.telco.bench.routing;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code telco-bench routing}: lookups per second in a routing replica holding 10,000,000 ported
 * numbers, measured by JMH ({@link RoutingLookupBenchmark}) on 1 and 2 threads, and the memory the
 * replica takes per ported number. The memory is measured first in this JVM, where the replica is
 * also audited (every ported number answers its routing, unported ones answer nothing), so a fast
 * but wrong table never passes.
 */
@Command(
    name = "routing",
    mixinStandardHelpOptions = true,
    description = "Measures routing lookups/s with 10,000,000 ported numbers and bytes per number.")
public final class RoutingBench implements Callable<Integer> {
  /** The lookup rate the routing database is built for. */
  static final double TARGET_LOOKUPS_PER_SECOND = 10_000_000;

  /** The memory per ported number the routing database is built for. */
  static final double TARGET_BYTES_PER_NUMBER = 16;

  @Option(
      names = "--threads",
      split = ",",
      defaultValue = "1,2",
      description = "reader thread counts to measure (default: ${DEFAULT-VALUE})")
  List<Integer> threads;

  @Option(
      names = "--loads",
      split = ",",
      defaultValue = "snapshot,changes",
      description = "how the replica is filled: snapshot, changes (default: ${DEFAULT-VALUE})")
  List<String> loads;

  @Option(
      names = "--warmup-iterations",
      defaultValue = "2",
      description = "JMH warmup iterations per run (default: ${DEFAULT-VALUE})")
  int warmupIterations;

  @Option(
      names = "--iterations",
      defaultValue = "4",
      description = "JMH measured iterations per run (default: ${DEFAULT-VALUE})")
  int iterations;

  @Option(
      names = "--seconds-per-iteration",
      defaultValue = "2",
      description = "length of each JMH iteration (default: ${DEFAULT-VALUE})")
  int secondsPerIteration;

  /** One JMH run's figure and the machine's load average around it. */
  record Lookups(
      String method,
      String load,
      int threads,
      double perSecond,
      double error,
      double before,
      double after) {}

  @Override
  public Integer call() throws RunnerException {
    System.out.printf(
        "machine: %d cores, JVM %s, max heap %,d MB, load average %.2f%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        Runtime.getRuntime().maxMemory() >> 20,
        loadAverage());
    PortedNumbers numbers = new PortedNumbers(RoutingLookupBenchmark.NUMBERS, 20261122L);
    boolean passed = true;
    double worstBytes = 0;
    for (String load : loads) {
      ReplicaFootprint footprint = ReplicaFootprint.measure(numbers, load);
      footprint.print(System.out);
      passed &= footprint.audited();
      worstBytes = Math.max(worstBytes, footprint.slotBytesPerNumber());
    }
    List<Lookups> results = new ArrayList<>();
    for (String load : loads) {
      for (int count : threads) {
        results.addAll(measure(load, count));
      }
    }
    summary(results, worstBytes);
    System.out.println("  audits: " + (passed ? "PASS" : "FAIL"));
    return passed ? 0 : 1;
  }

  private List<Lookups> measure(String load, int threadCount) throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include(RoutingLookupBenchmark.class.getName() + "\\.lookup")
            .param("load", load)
            .threads(threadCount)
            .forks(1)
            .warmupIterations(warmupIterations)
            .warmupTime(TimeValue.seconds(secondsPerIteration))
            .measurementIterations(iterations)
            .measurementTime(TimeValue.seconds(secondsPerIteration))
            .timeUnit(TimeUnit.SECONDS)
            .jvmArgs("-Xms2g", "-Xmx2g")
            .shouldFailOnError(true)
            .build();
    double before = loadAverage();
    Collection<RunResult> runs = new Runner(options).run();
    double after = loadAverage();
    List<Lookups> results = new ArrayList<>();
    for (RunResult run : runs) {
      results.add(
          new Lookups(
              run.getParams().getBenchmark().replaceAll(".*\\.", ""),
              load,
              threadCount,
              run.getPrimaryResult().getScore(),
              run.getPrimaryResult().getScoreError(),
              before,
              after));
    }
    return results;
  }

  private static void summary(List<Lookups> results, double worstBytes) {
    System.out.printf(
        "%n== routing lookups, %,d ported numbers, %d%% of lookups for ported ones ==%n",
        RoutingLookupBenchmark.NUMBERS, RoutingLookupBenchmark.HIT_PERCENT);
    System.out.printf(
        "  %-10s %-9s %7s %14s %12s   %s%n",
        "method", "load", "threads", "lookups/s", "± (99.9%)", "load average before/after");
    for (Lookups result : results) {
      System.out.printf(
          "  %-10s %-9s %7d %,14.0f %,12.0f   %.2f / %.2f%n",
          result.method(),
          result.load(),
          result.threads(),
          result.perSecond(),
          result.error(),
          result.before(),
          result.after());
    }
    for (String method : List.of("lookups", "lookupAll")) {
      Lookups best =
          results.stream()
              .filter(result -> result.method().equals(method))
              .max(Comparator.comparingDouble(Lookups::perSecond))
              .orElse(null);
      if (best != null) {
        System.out.printf(
            "  target: >= %,.0f lookups/s (%s): %s (best mean %,.0f, %d threads; lower bound of its"
                + " 99.9%% interval %,.0f)%n",
            TARGET_LOOKUPS_PER_SECOND,
            method,
            best.perSecond() >= TARGET_LOOKUPS_PER_SECOND ? "met" : "NOT met",
            best.perSecond(),
            best.threads(),
            best.perSecond() - best.error());
      }
    }
    System.out.printf(
        "  target: <= %.0f bytes per ported number: %s (worst %.1f)%n",
        TARGET_BYTES_PER_NUMBER,
        worstBytes <= TARGET_BYTES_PER_NUMBER ? "met" : "NOT met",
        worstBytes);
  }

  /** The one-minute load average, or -1 where the system has none. */
  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
