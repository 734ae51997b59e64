package org.telco.subscriber;

import java.util.List;
import java.util.Objects;

/**
 * A change to store: the subscriber as it should be (at the version it was read at) and the history
 * entries that explain it, oldest first (none for a change that keeps the state, such as moving to
 * the next cycle).
 *
 * @param subscriber the new content, carrying the version it is based on
 * @param changes history entries to append; the last one ends in the subscriber's state
 */
public record SubscriberUpdate(Subscriber subscriber, List<StateChange> changes) {
  /** Checks that the entries belong to the subscriber and end where it is. */
  public SubscriberUpdate {
    Objects.requireNonNull(subscriber, "subscriber");
    changes = List.copyOf(changes);
    for (StateChange change : changes) {
      if (!change.msisdn().equals(subscriber.msisdn())) {
        throw new IllegalArgumentException("a history entry of " + change.msisdn());
      }
    }
    if (!changes.isEmpty() && changes.getLast().to() != subscriber.state()) {
      throw new IllegalArgumentException("the last history entry must end in the new state");
    }
  }

  /** An update without a state change. */
  public static SubscriberUpdate of(Subscriber subscriber) {
    return new SubscriberUpdate(subscriber, List.of());
  }

  /** The update a state change asks for (none of {@link StateChangeResult.Unchanged} state). */
  public static SubscriberUpdate of(StateChangeResult.Changed changed) {
    return new SubscriberUpdate(changed.subscriber(), List.of(changed.change()));
  }
}
