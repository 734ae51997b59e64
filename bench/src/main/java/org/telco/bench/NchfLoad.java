package org.telco.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.telco.app.nchf.ChargingDataRequest;
import org.telco.app.nchf.MultipleUnitUsage;
import org.telco.app.nchf.NFIdentification;
import org.telco.app.nchf.NodeFunctionality;
import org.telco.app.nchf.RequestedUnit;
import org.telco.app.nchf.Trigger;
import org.telco.app.nchf.TriggerCategory;
import org.telco.app.nchf.TriggerType;
import org.telco.app.nchf.UsedUnitContainer;
import org.telco.app.smf.NchfClient;

/**
 * The Nchf load: workers that each play charging sessions one after the other, a create asking
 * quota in rating groups 10 (web) and 1001 (video), {@code updates} updates each reporting what was
 * used and asking again, and a release reporting the rest. In a closed loop each worker sends its
 * next request as soon as the last is answered; in an open loop each sends on a fixed schedule and
 * latency runs from the scheduled time, so a slow answer also counts against the requests queued
 * behind it. Usage is counted only when the CHF acknowledged it.
 */
final class NchfLoad {
  private static final String NF_NAME = "7b5a3c1e-2d4f-4a6b-8c9d-0e1f2a3b4c5d";
  private static final long[] GROUPS = {10, 1001};

  private final NchfClient client;
  private final List<String> subscribers;
  private final Shape shape;
  private final LongAdder answered = new LongAdder();
  private final LongAdder reportedBytes = new LongAdder();
  private final LongAdder uncertainBytes = new LongAdder();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

  /**
   * The shape of the sessions.
   *
   * @param updates updates per session between its create and its release
   * @param requestedBytes requestedUnit totalVolume per rating group
   * @param usedBytes usage reported per rating group in each update and in the release
   */
  record Shape(int updates, long requestedBytes, long usedBytes) {}

  NchfLoad(NchfClient client, List<String> subscribers, Shape shape) {
    this.client = client;
    this.subscribers = List.copyOf(subscribers);
    this.shape = shape;
  }

  /** What one worker saw inside the measured window. */
  static final class Worker {
    final LatencyRecorder all = new LatencyRecorder();
    final Map<String, LatencyRecorder> byKind = new TreeMap<>();
    long requests;

    void record(String kind, long nanos) {
      requests++;
      all.record(nanos);
      byKind.computeIfAbsent(kind, k -> new LatencyRecorder()).record(nanos);
    }
  }

  /** Requests answered so far, warmup included. */
  long answered() {
    return answered.sum();
  }

  /** Bytes reported in acknowledged updates and releases so far. */
  long reportedBytes() {
    return reportedBytes.sum();
  }

  /**
   * Bytes reported in requests whose outcome is unknown (no answer after every retransmission, or a
   * 5xx): the CHF may or may not have recorded them.
   */
  long uncertainBytes() {
    return uncertainBytes.sum();
  }

  /** Failed requests so far, by HTTP status and cause. */
  Map<String, Long> failures() {
    Map<String, Long> sums = new TreeMap<>();
    failures.forEach((cause, count) -> sums.put(cause, count.sum()));
    return sums;
  }

  /**
   * Runs {@code workers} until {@code endNanos}, recording the answers after {@code measureFrom}.
   * With {@code perSecond} > 0 the workers together send that many requests a second (open loop);
   * with 0 each sends as fast as it is answered (closed loop).
   */
  List<Worker> run(int workers, double perSecond, long measureFrom, long endNanos)
      throws InterruptedException {
    List<Worker> results = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < workers; i++) {
      Worker worker = new Worker();
      results.add(worker);
      int index = i;
      long interval = perSecond > 0 ? (long) (1e9 * workers / perSecond) : 0;
      long first = start + (interval * i) / workers;
      threads.add(
          Thread.ofVirtual()
              .name("nchf-" + i)
              .start(() -> work(index, worker, interval, first, measureFrom, endNanos)));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return results;
  }

  private void work(
      int index, Worker worker, long interval, long first, long measureFrom, long endNanos) {
    Session session = new Session(subscribers.get(index % subscribers.size()));
    long due = first;
    try {
      while (true) {
        if (interval > 0) {
          sleepUntil(due);
        }
        long sent = interval > 0 ? due : System.nanoTime();
        if (sent >= endNanos) {
          return;
        }
        String kind = session.step();
        long done = System.nanoTime();
        if (sent >= measureFrom && done <= endNanos) {
          worker.record(kind, done - sent);
        }
        due += interval;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One worker's current charging session. */
  private final class Session {
    private final String subscriber;
    private String ref;
    private long sequence;
    private long localSequence;

    Session(String msisdn) {
      this.subscriber = "msisdn-" + msisdn;
    }

    /** Sends the session's next request; its kind. */
    String step() throws InterruptedException {
      if (ref == null) {
        sequence = 0;
        NchfClient.Answer answer = client.create(request(true, false));
        if (counted("create", answer, 201)) {
          ref = answer.ref();
        }
        return "create";
      }
      sequence++;
      if (sequence <= shape.updates()) {
        NchfClient.Answer answer = client.update(ref, request(true, true));
        if (counted("update", answer, 200)) {
          reportedBytes.add(GROUPS.length * shape.usedBytes());
        } else {
          uncertain(answer);
          ref = null;
        }
        return "update";
      }
      NchfClient.Answer answer = client.release(ref, request(false, true));
      if (counted("release", answer, 204)) {
        reportedBytes.add(GROUPS.length * shape.usedBytes());
      } else {
        uncertain(answer);
      }
      ref = null;
      return "release";
    }

    private void uncertain(NchfClient.Answer answer) {
      if (answer.status() == 0 || answer.status() >= 500) {
        uncertainBytes.add(GROUPS.length * shape.usedBytes());
      }
    }

    private boolean counted(String kind, NchfClient.Answer answer, int expected) {
      answered.increment();
      if (answer.status() == expected) {
        return true;
      }
      String cause =
          kind + " " + answer.status() + (answer.cause() == null ? "" : " " + answer.cause());
      failures.computeIfAbsent(cause, c -> new LongAdder()).increment();
      return false;
    }

    private ChargingDataRequest request(boolean ask, boolean report) {
      List<MultipleUnitUsage> usages = new ArrayList<>();
      String now = Instant.now().toString();
      for (long group : GROUPS) {
        List<UsedUnitContainer> used =
            report
                ? List.of(
                    new UsedUnitContainer(
                        null,
                        null,
                        List.of(
                            Trigger.of(
                                ask ? TriggerType.QUOTA_THRESHOLD : TriggerType.FINAL,
                                TriggerCategory.IMMEDIATE_REPORT)),
                        now,
                        null,
                        shape.usedBytes(),
                        null,
                        null,
                        null,
                        null,
                        ++localSequence,
                        null))
                : null;
        RequestedUnit requested = ask ? RequestedUnit.ofTotalVolume(shape.requestedBytes()) : null;
        usages.add(new MultipleUnitUsage(group, requested, used, null));
      }
      return new ChargingDataRequest(
          subscriber,
          NFIdentification.of(NodeFunctionality.SMF, NF_NAME),
          now,
          sequence,
          null,
          null,
          null,
          null,
          usages,
          null,
          null);
    }
  }

  private static void sleepUntil(long nanos) throws InterruptedException {
    long left;
    while ((left = nanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }

  static long seconds(long count) {
    return TimeUnit.SECONDS.toNanos(count);
  }
}
