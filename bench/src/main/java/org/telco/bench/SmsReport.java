package org.telco.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Prints the SMS benchmark's figures: the measured window, the drain, receipts and the verdict. */
final class SmsReport {
  private final PrintStream out;
  private final int seconds;

  SmsReport(PrintStream out, int seconds) {
    this.out = out;
    this.seconds = seconds;
  }

  static long measured(List<SmppLoad.Submitter> submitters) {
    return submitters.stream().mapToLong(s -> s.measured).sum();
  }

  static double perSecond(long count, SmsBench.Snapshot from, SmsBench.Snapshot to) {
    return count / ((to.nanos() - from.nanos()) / 1e9);
  }

  /** The measured window: submits, latency, routing, WAL and CPU. */
  void window(
      List<SmppLoad.Submitter> submitters,
      SmsBench.Snapshot from,
      SmsBench.Snapshot to,
      SmppLoad load) {
    long accepted = measured(submitters);
    LatencyRecorder.Percentiles latency =
        LatencyRecorder.merge(submitters.stream().map(s -> s.latency).toList());
    out.printf("%n== SMPP submit_sm to alpha, %d s measured ==%n", seconds);
    out.printf(
        "  submit_sm/s accepted   %,.0f  (%,d accepted)%n", accepted / (double) seconds, accepted);
    Map<Integer, Long> refused = new TreeMap<>();
    load.refusals().forEach((status, count) -> refused.put(status, count.sum()));
    out.printf(
        "  refused                %s  timeouts %,d  other errors %,d%s%n",
        refused.isEmpty() ? "none" : refused.toString(),
        load.timeouts(),
        load.errors(),
        load.firstError() == null ? "" : " (first: " + load.firstError() + ")");
    out.printf(
        "  submit_sm_resp ms      p50 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  (%,d answers)%n",
        latency.p50() / 1e6,
        latency.p99() / 1e6,
        latency.p999() / 1e6,
        latency.max() / 1e6,
        latency.count());
    long delivered = to.alphaState("DELIVERED") - from.alphaState("DELIVERED");
    long betaDelivered =
        to.beta().getOrDefault("DELIVERED", 0L) - from.beta().getOrDefault("DELIVERED", 0L);
    out.printf(
        "  delivered/s on alpha   %,.0f  (%,d made DELIVERED; of them arrived at beta's centre and"
            + " delivered there: %,.0f/s)%n",
        perSecond(delivered, from, to), delivered, perSecond(betaDelivered, from, to));
    out.printf(
        "  backlog                at start %,d, at end %,d (ACCEPTED %,d, AWAITING_PEER %,d)%n",
        from.backlog(), to.backlog(), to.alphaState("ACCEPTED"), to.alphaState("AWAITING_PEER"));
    BenchPostgres.WalCounters wal = to.wal().minus(from.wal());
    out.printf(
        "  WAL                    %.1f MB/s, %,.0f flushes/s, %,.0f B per accepted message%n",
        perSecond(wal.bytes(), from, to) / 1e6,
        perSecond(wal.syncs(), from, to),
        accepted == 0 ? 0.0 : wal.bytes() / (double) accepted);
    out.println("  CPU                    " + to.usage().since(from.usage()));
  }

  void drain(SmsBench.Snapshot drained, double secondsTaken) {
    out.printf(
        "  drain after the load   %s in %.1f s (backlog %,d)%n",
        drained.backlog() == 0 ? "empty" : "NOT EMPTY", secondsTaken, drained.backlog());
  }

  void receipts(List<SmppLoad.Submitter> submitters, SmppLoad load) {
    long wanted = submitters.stream().mapToLong(s -> s.ackedWithReceipt.size()).sum();
    long missing =
        submitters.stream()
            .flatMap(s -> s.ackedWithReceipt.stream())
            .filter(id -> !load.receipted().contains(id))
            .count();
    out.printf(
        "  delivery receipts      %,d asked for, %,d deliver_sm received, %,d missing%n",
        wanted, load.receiptsReceived(), missing);
  }

  /** The verdict; true when the audit passed. */
  boolean summary(
      List<SmppLoad.Submitter> submitters,
      SmsBench.Snapshot from,
      SmsBench.Snapshot to,
      SmsBench.Snapshot drained,
      SmsAudit audit) {
    double accepted = measured(submitters) / (double) seconds;
    double delivered =
        perSecond(to.alphaState("DELIVERED") - from.alphaState("DELIVERED"), from, to);
    out.println("  audit                  " + audit.description());
    out.printf("%n== summary ==%n");
    out.printf(
        "  target: >= %,.0f submit_sm/s accepted: %s (%,.0f/s)%n",
        SmsBench.TARGET_PER_SECOND,
        accepted >= SmsBench.TARGET_PER_SECOND ? "met" : "NOT met",
        accepted);
    out.printf(
        "  routing keeps up (>= %,.0f delivered/s in the same window): %s (%,.0f/s, backlog at"
            + " end %,d)%n",
        SmsBench.TARGET_PER_SECOND,
        delivered >= SmsBench.TARGET_PER_SECOND ? "met" : "NOT met",
        delivered,
        to.backlog());
    boolean passed = audit.passed() && drained.backlog() == 0;
    out.printf("  audit: %s%n", passed ? "PASS" : "FAIL");
    return passed;
  }
}
