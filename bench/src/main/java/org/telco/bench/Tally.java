package org.telco.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of requests and their transfers: accepted ones, and rejected ones by reason. A worker
 * fills one per request; the driver adds it to per-thread totals, merged at the end.
 */
final class Tally {
  private long requests;
  private long accepted;
  private final Map<String, Long> rejected = new TreeMap<>();

  /** One transfer committed. */
  void accept() {
    accepted++;
  }

  /** One transfer refused, for {@code reason}. */
  void reject(String reason) {
    rejected.merge(reason, 1L, Long::sum);
  }

  /** One more request answered. */
  void countRequest() {
    requests++;
  }

  /** Adds another tally as it is. */
  void add(Tally other) {
    requests += other.requests;
    accepted += other.accepted;
    other.rejected.forEach((reason, count) -> rejected.merge(reason, count, Long::sum));
  }

  /** Forgets everything. */
  void clear() {
    requests = 0;
    accepted = 0;
    rejected.clear();
  }

  long requests() {
    return requests;
  }

  long accepted() {
    return accepted;
  }

  long rejectedCount() {
    return rejected.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Rejections by reason, e.g. {@code {EXCEEDS_CREDITS=12}}. */
  Map<String, Long> rejected() {
    return Map.copyOf(rejected);
  }
}
