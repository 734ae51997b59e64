package org.telco.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires due timers. Each call of {@link #pollOnce} hands the due timers to the handlers of their
 * kinds and marks them complete only after the handler returned, so a crash in between fires them
 * again (handlers are idempotent). A timer whose handler failed is postponed by {@code retryDelay};
 * the node keeps running.
 *
 * <p>The caller decides how often to poll (the app uses a virtual thread). {@link #pollOnce} fires
 * one batch on the caller's thread, step by step with a simulated clock in tests; {@link #pollDue}
 * works through a whole backlog with several batches in flight, on threads of its own that live
 * only while it runs.
 */
public final class TimerPoller {
  private static final Logger LOG = Logger.getLogger(TimerPoller.class.getName());

  /** Timers read per poll: large enough that batch handlers amortise their round trips. */
  public static final int BATCH_MAX = 5_000;

  /**
   * Batches {@link #pollDue} fires at once by default. With two, one batch's writes wait for
   * PostgreSQL while the other's reads and ledger work run, which keeps both cores of a small
   * machine busy; more only queue up behind the same cores and connections.
   */
  public static final int DEFAULT_BATCHES_IN_FLIGHT = 2;

  private final TimerStore store;
  private final Clock clock;
  private final Map<String, TimerHandler> handlers;
  private final Duration retryDelay;
  private final int batchesInFlight;

  /** A poller dispatching by timer kind, {@link #DEFAULT_BATCHES_IN_FLIGHT} batches at once. */
  public TimerPoller(
      TimerStore store, Clock clock, Map<String, TimerHandler> handlers, Duration retryDelay) {
    this(store, clock, handlers, retryDelay, DEFAULT_BATCHES_IN_FLIGHT);
  }

  /**
   * A poller dispatching by timer kind.
   *
   * @param batchesInFlight how many batches {@link #pollDue} fires at once (1: one after another)
   */
  public TimerPoller(
      TimerStore store,
      Clock clock,
      Map<String, TimerHandler> handlers,
      Duration retryDelay,
      int batchesInFlight) {
    if (batchesInFlight < 1) {
      throw new IllegalArgumentException("batches in flight must be positive: " + batchesInFlight);
    }
    this.store = store;
    this.clock = clock;
    this.handlers = Map.copyOf(handlers);
    this.retryDelay = retryDelay;
    this.batchesInFlight = batchesInFlight;
  }

  /**
   * Fires what is due now, at most {@link #BATCH_MAX} timers: each kind's timers go to its handler
   * together ({@link TimerHandler#fireAll}), then the ones that did not fail are completed in one
   * write, except those the handler named for a later step, which are re-armed in one write.
   *
   * @return how many timers fired: completed, or re-armed for a later step
   */
  public int pollOnce() {
    Instant now = clock.instant();
    return fireBatch(store.due(now, BATCH_MAX), now);
  }

  /**
   * Fires everything that is due now, in batches of at most {@link #BATCH_MAX}, with up to the
   * configured number of batches in flight: while one batch is being fired, the next is read and
   * fired beside it. Each batch is read after the last timer of the batch before ({@link
   * TimerStore#dueAfter}), so no timer is in two batches, and each is completed as soon as its own
   * handlers returned, exactly as {@link #pollOnce} completes its batch. Handlers may therefore be
   * called for two batches of their kind at once. A backlog that fits in one batch is fired on the
   * caller's thread.
   *
   * <p>A timer that falls due while this runs, ordered before the batch being read, waits for the
   * next call; so does one that failed and was postponed.
   *
   * @return how many timers fired: completed, or re-armed for a later step
   * @throws RuntimeException the first failure of the store, once every batch in flight has ended
   */
  public int pollDue() {
    Instant now = clock.instant();
    List<Timer> batch = store.dueAfter(now, null, BATCH_MAX);
    if (batch.size() < BATCH_MAX) {
      return fireBatch(batch, now); // the whole backlog: no thread needed
    }
    int completed = 0;
    Deque<Future<Integer>> firing = new ArrayDeque<>();
    try (ExecutorService batches =
        Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("timer-batch-", 0).daemon().factory())) {
      while (!batch.isEmpty()) {
        List<Timer> next = batch;
        firing.addLast(batches.submit(() -> fireBatch(next, now)));
        Timer last = batch.getLast();
        batch = store.dueAfter(now, last, BATCH_MAX);
        while (firing.size() >= batchesInFlight) {
          completed += await(firing.removeFirst());
        }
      }
      while (!firing.isEmpty()) {
        completed += await(firing.removeFirst());
      }
    }
    return completed;
  }

  /** Fires one batch, each kind's timers together, and completes the ones that did not fail. */
  private int fireBatch(List<Timer> batch, Instant now) {
    Map<String, List<Timer>> byKind = new LinkedHashMap<>();
    for (Timer timer : batch) {
      byKind.computeIfAbsent(timer.kind(), kind -> new ArrayList<>()).add(timer);
    }
    int completed = 0;
    for (Map.Entry<String, List<Timer>> kind : byKind.entrySet()) {
      completed += fire(kind.getKey(), kind.getValue(), now);
    }
    return completed;
  }

  /** Waits for a batch; a store failure is the poll's. */
  private static int await(Future<Integer> batch) {
    try {
      return batch.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while timers fired", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("a batch of timers failed", e.getCause());
    }
  }

  private int fire(String kind, List<Timer> timers, Instant now) {
    TimerHandler handler = handlers.get(kind);
    Fired fired;
    if (handler == null) {
      LOG.warning(() -> "no handler for timer kind " + kind + "; postponed " + timers.size());
      fired = Fired.failing(timers);
    } else {
      try {
        fired = handler.fireAll(timers);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, timers.size() + " timers of " + kind + " failed; retrying later", e);
        fired = Fired.failing(timers);
      }
    }
    Set<String> retry = new HashSet<>();
    for (Timer timer : fired.failed()) {
      retry.add(timer.id());
    }
    if (!retry.isEmpty()) {
      // From now, not from the poll's start: after a long backlog the delay would already be over.
      store.postponeAll(List.copyOf(retry), clock.instant().plus(retryDelay));
    }
    Set<String> rearmed = rearmed(kind, timers, fired.next(), retry);
    if (!rearmed.isEmpty()) {
      store.rearmAll(fired.next());
    }
    List<String> done = new ArrayList<>(timers.size());
    for (Timer timer : timers) {
      if (!retry.contains(timer.id()) && !rearmed.contains(timer.id())) {
        done.add(timer.id());
      }
    }
    store.completeAll(done, now);
    return done.size() + rearmed.size();
  }

  /**
   * The ids of the timers a handler named as waiting again; each must be of its batch, not failed.
   */
  private static Set<String> rearmed(
      String kind, List<Timer> batch, List<Timer> next, Set<String> retry) {
    Set<String> ids = new HashSet<>();
    for (Timer timer : batch) {
      ids.add(timer.id());
    }
    Set<String> rearmed = new HashSet<>();
    for (Timer timer : next) {
      if (!ids.contains(timer.id()) || retry.contains(timer.id()) || !rearmed.add(timer.id())) {
        throw new IllegalStateException(
            "the " + kind + " handler re-armed " + timer.id() + ", not a fired timer of its batch");
      }
    }
    return rearmed;
  }
}
