package org.telco.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Runs closed-loop submitters: each platform thread sends a request, waits for its answer, and
 * sends the next, first through a warmup and then through the measured window. A request counts
 * when it completes inside the window; its latency is from send to answer. Everything stops by
 * itself at the end of the window: no thread starts a request after it.
 */
final class LoadDriver {
  /** How long to wait for requests still in flight when the window closes. */
  private static final Duration DRAIN_WAIT = Duration.ofSeconds(60);

  private LoadDriver() {}

  /** One client thread's request; fills {@code outcome} with what happened to its transfers. */
  interface Worker {
    void send(Tally outcome) throws Exception;
  }

  /** Called on the driving thread when the window opens and when it closes. */
  interface Window {
    void opened();

    void closed();
  }

  /**
   * What a run measured.
   *
   * @param measured requests and transfers completed inside the window
   * @param total requests and transfers completed at any time, warmup included
   * @param latency request latencies inside the window
   * @param windowNanos the length of the window
   * @param errors requests that failed with an exception (each stops its thread)
   * @param firstError the first such failure, or null
   */
  record Result(
      Tally measured,
      Tally total,
      LatencyRecorder.Percentiles latency,
      long windowNanos,
      int errors,
      Throwable firstError) {
    double seconds() {
      return windowNanos / 1e9;
    }
  }

  /**
   * Runs {@code threads} workers made by {@code workers} (made before the clock starts).
   *
   * @throws IllegalStateException if requests are still in flight long after the window
   */
  static Result run(
      int threads, Duration warmup, Duration measured, IntFunction<Worker> workers, Window window)
      throws InterruptedException {
    List<Submitter> submitters = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      submitters.add(new Submitter(workers.apply(i)));
    }
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> running = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Submitter submitter = submitters.get(i);
      running.add(
          Thread.ofPlatform().daemon().name("submitter-" + i).start(() -> submitter.run(go)));
    }
    long start = System.nanoTime();
    long opens = start + warmup.toNanos();
    long closes = opens + measured.toNanos();
    for (Submitter submitter : submitters) {
      submitter.window(opens, closes);
    }
    go.countDown();
    Progress progress = new Progress(start, submitters);
    progress.until(opens);
    window.opened();
    progress.until(closes);
    window.closed();
    progress.last(closes);
    long deadline = System.nanoTime() + DRAIN_WAIT.toNanos();
    for (Thread thread : running) {
      thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (thread.isAlive()) {
        throw new IllegalStateException(
            thread.getName() + " still waits for an answer " + DRAIN_WAIT + " after the end");
      }
    }
    Tally inWindow = new Tally();
    Tally total = new Tally();
    List<LatencyRecorder> recorders = new ArrayList<>();
    int errors = 0;
    Throwable firstError = null;
    for (Submitter submitter : submitters) {
      inWindow.add(submitter.inWindow);
      total.add(submitter.total);
      recorders.add(submitter.latencies);
      if (submitter.error != null) {
        errors++;
        firstError = firstError == null ? submitter.error : firstError;
      }
    }
    return new Result(
        inWindow, total, LatencyRecorder.merge(recorders), closes - opens, errors, firstError);
  }

  /**
   * Prints the rate of committed transfers every {@link #EVERY}, so that a slowdown during a run (a
   * checkpoint, tables outgrowing the cache) shows instead of hiding in the average.
   */
  private static final class Progress {
    private static final Duration EVERY = Duration.ofSeconds(10);
    private final long start;
    private final List<Submitter> submitters;
    private long lastAt;
    private long lastAccepted;

    Progress(long start, List<Submitter> submitters) {
      this.start = start;
      this.submitters = submitters;
      this.lastAt = start;
    }

    void until(long nanoTime) {
      for (long next = lastAt + EVERY.toNanos(); next - nanoTime <= 0; next += EVERY.toNanos()) {
        sleepUntil(next);
        print(next);
      }
      sleepUntil(nanoTime);
    }

    /** Prints the rest of the last interval, if it did not end on a full one. */
    void last(long nanoTime) {
      if (nanoTime - lastAt > 0) {
        print(nanoTime);
      }
    }

    private void print(long now) {
      long accepted = 0;
      for (Submitter submitter : submitters) {
        accepted += submitter.accepted;
      }
      System.out.printf(
          "  %4.0f s: %,10.0f transfers/s%n",
          (now - start) / 1e9, (accepted - lastAccepted) / ((now - lastAt) / 1e9));
      lastAt = now;
      lastAccepted = accepted;
    }
  }

  private static void sleepUntil(long nanoTime) {
    for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }

  /** One client thread and what it saw; read by the driver after the thread ended. */
  private static final class Submitter {
    private final Worker worker;
    private final Tally inWindow = new Tally();
    private final Tally total = new Tally();
    private final LatencyRecorder latencies = new LatencyRecorder();
    private long opens;
    private long closes;
    private Throwable error;

    /** Transfers accepted so far, read by {@link Progress} while the thread runs. */
    private volatile long accepted;

    Submitter(Worker worker) {
      this.worker = worker;
    }

    /** Set before the thread is let go, hence visible to it. */
    void window(long opensAt, long closesAt) {
      opens = opensAt;
      closes = closesAt;
    }

    void run(CountDownLatch go) {
      try {
        go.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      Tally outcome = new Tally();
      for (long sent = System.nanoTime(); sent - closes < 0; sent = System.nanoTime()) {
        outcome.clear();
        try {
          worker.send(outcome);
        } catch (Exception | Error e) {
          error = e;
          return;
        }
        long answered = System.nanoTime();
        outcome.countRequest();
        total.add(outcome);
        accepted = total.accepted();
        if (answered - opens >= 0 && answered - closes < 0) {
          inWindow.add(outcome);
          latencies.record(answered - sent);
        }
      }
    }
  }
}
