package org.telco.app.smf;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the simulator's sessions did, counted as they go: requests by kind, grants, denials by
 * result code, failures by cause, bytes granted and reported, and every request's latency (kept
 * exactly, for exact percentiles). Safe to add to from many threads and to read while they run.
 */
public final class SmfTally {
  private final LongAdder creates = new LongAdder();
  private final LongAdder updates = new LongAdder();
  private final LongAdder releases = new LongAdder();
  private final LongAdder retransmissions = new LongAdder();
  private final LongAdder grants = new LongAdder();
  private final LongAdder grantedBytes = new LongAdder();
  private final LongAdder reportedBytes = new LongAdder();
  private final LongAdder sessionsStarted = new LongAdder();
  private final LongAdder sessionsReleased = new LongAdder();
  private final LongAdder sessionsAborted = new LongAdder();
  private final LongAdder sessionsFailed = new LongAdder();
  private final Map<String, LongAdder> denials = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private long[] latencies = new long[1 << 14];
  private int latencyCount;

  /** A request's kind. */
  enum Kind {
    CREATE,
    UPDATE,
    RELEASE
  }

  void answered(Kind kind, NchfClient.Answer answer) {
    (switch (kind) {
          case CREATE -> creates;
          case UPDATE -> updates;
          case RELEASE -> releases;
        })
        .increment();
    retransmissions.add(answer.retransmissions());
    synchronized (this) {
      if (latencyCount == latencies.length) {
        latencies = Arrays.copyOf(latencies, latencyCount * 2);
      }
      latencies[latencyCount++] = answer.latencyNanos();
    }
  }

  void outcome(PduSession.Outcome outcome) {
    grants.add(outcome.grants());
    grantedBytes.add(outcome.grantedBytes());
    reportedBytes.add(outcome.reportedBytes());
    outcome.denials().forEach(code -> count(denials, code.value()));
  }

  void reported(long bytes) {
    reportedBytes.add(bytes);
  }

  void sessionStarted() {
    sessionsStarted.increment();
  }

  void sessionReleased(boolean aborted) {
    sessionsReleased.increment();
    if (aborted) {
      sessionsAborted.increment();
    }
  }

  void sessionFailed(String cause) {
    sessionsFailed.increment();
    count(failures, cause);
  }

  private static void count(Map<String, LongAdder> counts, String key) {
    counts.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  /** The counts now. */
  public Snapshot snapshot() {
    long[] sorted;
    synchronized (this) {
      sorted = Arrays.copyOf(latencies, latencyCount);
    }
    Arrays.sort(sorted);
    return new Snapshot(
        System.nanoTime(),
        sessionsStarted.sum(),
        sessionsReleased.sum(),
        sessionsAborted.sum(),
        sessionsFailed.sum(),
        creates.sum(),
        updates.sum(),
        releases.sum(),
        retransmissions.sum(),
        grants.sum(),
        grantedBytes.sum(),
        reportedBytes.sum(),
        sums(denials),
        sums(failures),
        percentile(sorted, 0.50),
        percentile(sorted, 0.99));
  }

  private static Map<String, Long> sums(Map<String, LongAdder> counts) {
    Map<String, Long> sums = new TreeMap<>();
    counts.forEach((key, count) -> sums.put(key, count.sum()));
    return sums;
  }

  private static long percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /**
   * The counts at one moment.
   *
   * @param nanos when, on the monotonic clock
   * @param sessionsStarted sessions created
   * @param sessionsReleased sessions released (acknowledged)
   * @param sessionsAborted of those, released after an ABORT_CHARGING notification
   * @param sessionsFailed sessions ended by a failure (refused create, error, no answer)
   * @param creates create requests answered
   * @param updates update requests answered
   * @param releases release requests answered
   * @param retransmissions requests sent again after a timeout
   * @param grants rating-group grants received
   * @param grantedBytes bytes granted in all
   * @param reportedBytes bytes used and reported, in acknowledged requests
   * @param denials rating groups refused, by result code
   * @param failures failed sessions, by cause
   * @param p50Nanos median request latency
   * @param p99Nanos 99th percentile request latency
   */
  public record Snapshot(
      long nanos,
      long sessionsStarted,
      long sessionsReleased,
      long sessionsAborted,
      long sessionsFailed,
      long creates,
      long updates,
      long releases,
      long retransmissions,
      long grants,
      long grantedBytes,
      long reportedBytes,
      Map<String, Long> denials,
      Map<String, Long> failures,
      long p50Nanos,
      long p99Nanos) {
    /** All requests answered. */
    public long requests() {
      return creates + updates + releases;
    }
  }
}
