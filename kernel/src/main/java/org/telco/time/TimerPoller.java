package org.telco.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires due timers. Each call of {@link #pollOnce} hands the due timers to the handlers of their
 * kinds and marks them complete only after the handler returned, so a crash in between fires them
 * again (handlers are idempotent). A timer whose handler failed is postponed by {@code retryDelay};
 * the node keeps running.
 *
 * <p>The caller decides how often to poll (the app uses a virtual thread), which keeps this class
 * free of threads and testable step by step with a simulated clock.
 */
public final class TimerPoller {
  private static final Logger LOG = Logger.getLogger(TimerPoller.class.getName());

  /** Timers read per poll: large enough that batch handlers amortise their round trips. */
  public static final int BATCH_MAX = 5_000;

  private final TimerStore store;
  private final Clock clock;
  private final Map<String, TimerHandler> handlers;
  private final Duration retryDelay;

  /** A poller dispatching by timer kind. */
  public TimerPoller(
      TimerStore store, Clock clock, Map<String, TimerHandler> handlers, Duration retryDelay) {
    this.store = store;
    this.clock = clock;
    this.handlers = Map.copyOf(handlers);
    this.retryDelay = retryDelay;
  }

  /**
   * Fires what is due now, at most {@link #BATCH_MAX} timers: each kind's timers go to its handler
   * together ({@link TimerHandler#fireAll}), then the ones that did not fail are completed in one
   * write.
   *
   * @return how many timers completed
   */
  public int pollOnce() {
    Instant now = clock.instant();
    Map<String, List<Timer>> byKind = new LinkedHashMap<>();
    for (Timer timer : store.due(now, BATCH_MAX)) {
      byKind.computeIfAbsent(timer.kind(), kind -> new ArrayList<>()).add(timer);
    }
    int completed = 0;
    for (Map.Entry<String, List<Timer>> kind : byKind.entrySet()) {
      completed += fire(kind.getKey(), kind.getValue(), now);
    }
    return completed;
  }

  private int fire(String kind, List<Timer> timers, Instant now) {
    TimerHandler handler = handlers.get(kind);
    List<Timer> failed;
    if (handler == null) {
      LOG.warning(() -> "no handler for timer kind " + kind + "; postponed " + timers.size());
      failed = timers;
    } else {
      try {
        failed = handler.fireAll(timers);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, timers.size() + " timers of " + kind + " failed; retrying later", e);
        failed = timers;
      }
    }
    Set<String> retry = new HashSet<>();
    for (Timer timer : failed) {
      retry.add(timer.id());
      store.postpone(timer.id(), now.plus(retryDelay));
    }
    List<String> done = new ArrayList<>(timers.size());
    for (Timer timer : timers) {
      if (!retry.contains(timer.id())) {
        done.add(timer.id());
      }
    }
    store.completeAll(done, now);
    return done.size();
  }
}
