package org.telco.bench;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The Nchf load: workers that each play charging sessions one after the other, a create asking
 * quota in rating groups 10 (web) and 1001 (video), {@code updates} updates each reporting what was
 * used and asking again, and a release reporting the rest. In a closed loop each worker sends its
 * next request as soon as the last is answered; in an open loop each sends on a fixed schedule and
 * latency runs from the scheduled time, so a slow answer also counts against the requests queued
 * behind it. Usage is counted only when the CHF acknowledged it. Each worker has its own keep-alive
 * connection ({@link NchfWire}) and writes its bodies as text ({@link NchfBodies}).
 */
final class NchfLoad {
  private static final long[] GROUPS = {10, 1001};
  private static final int TIMEOUT_MILLIS = 10_000;
  private static final int RETRANSMISSIONS_MAX = 2;

  private final String host;
  private final int port;
  private final String networkFunctionKey;
  private final NchfBodies bodies;
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

  /**
   * A load on the CHF at {@code url} (e.g. {@code http://127.0.0.1:8081}) with its network-function
   * key.
   */
  NchfLoad(URI url, String networkFunctionKey, List<String> subscribers, Shape shape) {
    this.host = url.getHost();
    this.port = url.getPort();
    this.networkFunctionKey = networkFunctionKey;
    this.bodies = new NchfBodies(GROUPS, shape.requestedBytes(), shape.usedBytes());
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

  /** Workers under way; {@link #await} waits for them to end. */
  record Running(List<Thread> threads, List<Worker> workers) {
    /** Waits for every worker to end; what each saw. */
    List<Worker> await() throws InterruptedException {
      for (Thread thread : threads) {
        thread.join();
      }
      return workers;
    }
  }

  /**
   * Starts {@code workers} that run until {@code endNanos} and record the answers after {@code
   * measureFrom} (the time before it warms the node up). With {@code perSecond} > 0 the workers
   * together send that many requests a second (open loop); with 0 each sends as fast as it is
   * answered (closed loop).
   */
  Running start(int workers, double perSecond, long measureFrom, long endNanos) {
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
    return new Running(threads, results);
  }

  private void work(
      int index, Worker worker, long interval, long first, long measureFrom, long endNanos) {
    long due = first;
    try (NchfWire wire =
        new NchfWire(host, port, networkFunctionKey, TIMEOUT_MILLIS, RETRANSMISSIONS_MAX)) {
      Session session = new Session(subscribers.get(index % subscribers.size()), wire);
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

  /** One worker's current charging session, on the worker's own connection. */
  private final class Session {
    private final String subscriber;
    private final NchfWire wire;
    private String ref;
    private long sequence;
    private long localSequence;

    Session(String msisdn, NchfWire wire) {
      this.subscriber = "msisdn-" + msisdn;
      this.wire = wire;
    }

    /** Sends the session's next request; its kind. */
    String step() {
      if (ref == null) {
        sequence = 0;
        NchfWire.Reply reply = wire.post("", request(true, false));
        if (counted("create", reply, 201)) {
          ref = reply.ref();
        }
        return "create";
      }
      sequence++;
      if (sequence <= shape.updates()) {
        NchfWire.Reply reply = wire.post("/" + ref + "/update", request(true, true));
        if (counted("update", reply, 200)) {
          reportedBytes.add(GROUPS.length * shape.usedBytes());
        } else {
          uncertain(reply);
          ref = null;
        }
        return "update";
      }
      NchfWire.Reply reply = wire.post("/" + ref + "/release", request(false, true));
      if (counted("release", reply, 204)) {
        reportedBytes.add(GROUPS.length * shape.usedBytes());
      } else {
        uncertain(reply);
      }
      ref = null;
      return "release";
    }

    private void uncertain(NchfWire.Reply reply) {
      if (reply.status() == 0 || reply.status() >= 500) {
        uncertainBytes.add(GROUPS.length * shape.usedBytes());
      }
    }

    private boolean counted(String kind, NchfWire.Reply reply, int expected) {
      answered.increment();
      if (reply.status() == expected) {
        return true;
      }
      String cause =
          kind + " " + reply.status() + (reply.cause() == null ? "" : " " + reply.cause());
      failures.computeIfAbsent(cause, c -> new LongAdder()).increment();
      return false;
    }

    /** The request's body, the same text when sent again but for its retransmission mark. */
    private Function<Boolean, String> request(boolean ask, boolean report) {
      String now = Instant.now().toString();
      long first = localSequence + 1;
      localSequence += report ? GROUPS.length : 0;
      long seq = sequence;
      return again -> bodies.request(subscriber, seq, now, ask, report, first, again);
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
