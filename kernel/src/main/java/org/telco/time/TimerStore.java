package org.telco.time;

import java.time.Instant;
import java.util.Comparator;
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

  /** The order {@link #due} returns timers in: due time, then id. */
  Comparator<Timer> DUE_ORDER = Comparator.comparing(Timer::dueAt).thenComparing(Timer::id);

  /** Timers due at {@code now} that have not fired yet, earliest first. */
  List<Timer> due(Instant now, int limit);

  /**
   * The timers {@link #due} would return that come after {@code after} in its order (due time, then
   * id), or all of them from the first when {@code after} is null. A poller working through a
   * backlog reads each page after the last timer of the page before, so the timers it is still
   * firing are not read again, whether or not they are complete yet.
   *
   * <p>The default reads every due timer and filters them in {@link #DUE_ORDER}; a store that keeps
   * many timers overrides it with one indexed query in its own order.
   */
  default List<Timer> dueAfter(Instant now, Timer after, int limit) {
    if (after == null) {
      return due(now, limit);
    }
    return due(now, Integer.MAX_VALUE).stream()
        .filter(timer -> DUE_ORDER.compare(timer, after) > 0)
        .limit(limit)
        .toList();
  }

  /** Records that the timer fired; it is never returned by {@link #due} again. */
  void complete(String id, Instant firedAt);

  /** {@link #complete} for each id, in one round trip where the store allows it. */
  default void completeAll(List<String> ids, Instant firedAt) {
    for (String id : ids) {
      complete(id, firedAt);
    }
  }

  /**
   * Ends the step of each unfired timer whose id these timers carry and schedules its next one in
   * the same row: it takes the kind, payload and due time given here, and its attempts start again.
   * A fired or unknown id is left alone. Scheduling one of these ids again still changes nothing,
   * as the row is there. See {@link Fired#next}.
   */
  void rearmAll(List<Timer> timers);

  /** Postpones a timer whose handler failed, so it is retried later. */
  void postpone(String id, Instant dueAt);

  /**
   * {@link #postpone} for each id, in one round trip where the store allows it: a handler that
   * throws fails its whole batch of up to 5,000 timers.
   */
  default void postponeAll(List<String> ids, Instant dueAt) {
    for (String id : ids) {
      postpone(id, dueAt);
    }
  }

  /** Timers not fired yet, in any order; for monitoring and tests. */
  int pendingCount();
}
