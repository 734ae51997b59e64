package org.telco.time;

import java.util.List;

/**
 * What a handler made of a batch of due timers ({@link TimerHandler#fireAll}). Every timer of the
 * batch not named here is complete.
 *
 * <p>A timer named in {@code next} is done too, and its work has a later step: the poller gives its
 * row that step's kind, payload and due time instead of marking it fired ({@link
 * TimerStore#rearmAll}). One write then both ends a step and schedules the next, where completing
 * and scheduling a second timer would be two rows written; the id, and with it the guard against
 * being scheduled again, stays the first timer's. The emergency-credit offer becomes the advance's
 * deadline this way.
 *
 * @param failed timers of the batch to retry later
 * @param next timers with the ids of timers of the batch (none failed), as they are to wait again
 */
public record Fired(List<Timer> failed, List<Timer> next) {
  /** Nothing failed and nothing follows: the whole batch is complete. */
  public static final Fired COMPLETE = new Fired(List.of(), List.of());

  /** Copies the lists. */
  public Fired {
    failed = List.copyOf(failed);
    next = List.copyOf(next);
  }

  /** Only {@code failed} are retried; the rest of the batch is complete. */
  public static Fired failing(List<Timer> failed) {
    return new Fired(failed, List.of());
  }
}
