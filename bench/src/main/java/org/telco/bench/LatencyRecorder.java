package org.telco.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The request latencies one submitter thread saw, kept exactly. A run records at most a few million
 * samples, so keeping them all and sorting once at the end is cheap and gives exact percentiles
 * without the bucketing error of a histogram. Not thread-safe: one per thread.
 */
final class LatencyRecorder {
  private long[] nanos = new long[8192];
  private int count;

  /** Records one latency. */
  void record(long latencyNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = latencyNanos;
  }

  /** The percentiles of every sample of every recorder, merged. */
  static Percentiles merge(List<LatencyRecorder> recorders) {
    int total = recorders.stream().mapToInt(r -> r.count).sum();
    long[] all = new long[total];
    int at = 0;
    for (LatencyRecorder recorder : recorders) {
      System.arraycopy(recorder.nanos, 0, all, at, recorder.count);
      at += recorder.count;
    }
    Arrays.sort(all);
    return Percentiles.of(all);
  }

  /**
   * Latency percentiles, in nanoseconds; all zero when nothing was recorded.
   *
   * @param count samples
   * @param p50 median
   * @param p99 99th percentile
   * @param p999 99.9th percentile
   * @param max slowest
   */
  record Percentiles(long count, long p50, long p99, long p999, long max) {
    static Percentiles of(long[] sorted) {
      if (sorted.length == 0) {
        return new Percentiles(0, 0, 0, 0, 0);
      }
      return new Percentiles(
          sorted.length,
          at(sorted, 0.50),
          at(sorted, 0.99),
          at(sorted, 0.999),
          sorted[sorted.length - 1]);
    }

    /**
     * The nearest-rank percentile: the smallest sample with at least {@code q} of them at or below.
     */
    private static long at(long[] sorted, double q) {
      int rank = (int) Math.ceil(q * sorted.length);
      return sorted[Math.max(0, rank - 1)];
    }
  }
}
