package org.telco.time;

import java.time.Instant;
import java.util.List;

/**
 * Where durable timers are kept (port). {@link InMemoryTimerStore} is the reference implementation;
 * the PostgreSQL one passes the same contract suite.
 */
public interface TimerStore {
  /** Schedules a timer; a timer with the same id that already exists is left as it is. */
  void schedule(Timer timer);

  /**
   * {@link #schedule} for each timer, in one round trip where the store allows it. A fee run that
   * bars thousands of numbers schedules their emergency-credit offers at once.
   */
  default void scheduleAll(List<Timer> timers) {
    for (Timer timer : timers) {
      schedule(timer);
    }
  }

  /** Timers due at {@code now} that have not fired yet, earliest first. */
  List<Timer> due(Instant now, int limit);

  /** Records that the timer fired; it is never returned by {@link #due} again. */
  void complete(String id, Instant firedAt);

  /** {@link #complete} for each id, in one round trip where the store allows it. */
  default void completeAll(List<String> ids, Instant firedAt) {
    for (String id : ids) {
      complete(id, firedAt);
    }
  }

  /** Postpones a timer whose handler failed, so it is retried later. */
  void postpone(String id, Instant dueAt);

  /** Timers not fired yet, in any order; for monitoring and tests. */
  int pendingCount();
}
