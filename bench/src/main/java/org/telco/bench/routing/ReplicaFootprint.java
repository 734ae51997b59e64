package org.telco.bench.routing;

import java.io.PrintStream;
import org.telco.porting.routing.RoutingReplica;

/**
 * How much memory a replica filled one way takes per ported number, counted two ways: the slot
 * array's size as the table reports it, and the growth of the heap in use across the load (after a
 * full collection each side), which would also catch memory the table forgot to count. Also whether
 * the replica answers every ported number and none of a sample of unported ones.
 *
 * @param load how the replica was filled
 * @param loadSeconds time to fill it
 * @param numbers ported numbers it holds
 * @param slotBytes bytes of its slot array
 * @param heapBytes growth of the heap in use
 * @param audited whether every answer checked was right
 * @param timed a plain timed loop of lookups on one thread
 */
record ReplicaFootprint(
    String load,
    double loadSeconds,
    int numbers,
    long slotBytes,
    long heapBytes,
    boolean audited,
    CpuTimedLookups timed) {

  /** Fills a replica from {@code numbers} by {@code load} and measures it. */
  static ReplicaFootprint measure(PortedNumbers numbers, String load) {
    long before = usedHeap();
    long start = System.nanoTime();
    RoutingReplica replica =
        switch (load) {
          case "changes" -> numbers.loadByChanges();
          case "snapshot" -> numbers.loadBySnapshot();
          default -> throw new IllegalArgumentException("load is changes or snapshot: " + load);
        };
    double seconds = (System.nanoTime() - start) / 1e9;
    long after = usedHeap();
    boolean audited = numbers.audit(replica);
    CpuTimedLookups timed =
        CpuTimedLookups.measure(
            replica, numbers.queries(1 << 20, RoutingLookupBenchmark.HIT_PERCENT, 5L), 5);
    return new ReplicaFootprint(
        load, seconds, replica.size(), replica.footprintBytes(), after - before, audited, timed);
  }

  double slotBytesPerNumber() {
    return (double) slotBytes / numbers;
  }

  void print(PrintStream out) {
    long slots = (slotBytes - 16) / 8;
    out.printf("%n== replica filled by %s: %,d numbers in %.1f s ==%n", load, numbers, loadSeconds);
    out.printf(
        "  slot array           %,d slots, load %.3f, %,d bytes = %.2f bytes per number%n",
        slots, (double) numbers / slots, slotBytes, slotBytesPerNumber());
    out.printf(
        "  heap growth          %,d bytes = %.2f bytes per number%n",
        heapBytes, (double) heapBytes / numbers);
    out.println(
        "  audit                "
            + (audited ? "PASS" : "FAIL")
            + " (every ported number, 1,000,000 others)");
    out.printf(
        "  plain loop, 1 thread %,.0f lookups/s wall, %,.0f per CPU second (%.1f s, %.0f%% ported,"
            + " load average %.2f)%n",
        timed.perWallSecond(),
        timed.perCpuSecond(),
        timed.wallSeconds(),
        100.0 * timed.ported() / timed.lookups(),
        RoutingBench.loadAverage());
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
