package org.telco.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires due timers. Each call of {@link #pollOnce} hands every due timer to the handler of its kind
 * and marks it complete only after the handler returned, so a crash in between fires it again
 * (handlers are idempotent). A failing handler postpones its timer by {@code retryDelay}; the node
 * keeps running.
 *
 * <p>The caller decides how often to poll (the app uses a virtual thread), which keeps this class
 * free of threads and testable step by step with a simulated clock.
 */
public final class TimerPoller {
  private static final Logger LOG = Logger.getLogger(TimerPoller.class.getName());
  private static final int BATCH_MAX = 500;

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
   * Fires what is due now.
   *
   * @return how many timers completed
   */
  public int pollOnce() {
    Instant now = clock.instant();
    List<Timer> due = store.due(now, BATCH_MAX);
    int completed = 0;
    for (Timer timer : due) {
      TimerHandler handler = handlers.get(timer.kind());
      if (handler == null) {
        LOG.warning(
            () -> "no handler for timer kind " + timer.kind() + "; postponed " + timer.id());
        store.postpone(timer.id(), now.plus(retryDelay));
        continue;
      }
      try {
        handler.fire(timer);
        store.complete(timer.id(), now);
        completed++;
      } catch (Exception e) {
        LOG.log(Level.WARNING, "timer " + timer.id() + " failed; retrying later", e);
        store.postpone(timer.id(), now.plus(retryDelay));
      }
    }
    return completed;
  }
}
