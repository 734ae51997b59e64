package org.telco.subscriber;

import java.util.Objects;

/**
 * The outcome of asking a subscriber to change state. A request for the state it is already in is
 * {@link Unchanged}, a success, so retries and duplicate requests are harmless.
 */
public sealed interface StateChangeResult {
  /** The subscriber after the request (unchanged unless {@link Changed}). */
  Subscriber subscriber();

  /**
   * The state changed; store {@code subscriber} together with {@code change}.
   *
   * @param subscriber the subscriber in the new state, at the version it was read at
   * @param change the history entry to append
   */
  record Changed(Subscriber subscriber, StateChange change) implements StateChangeResult {
    /** Requires both fields. */
    public Changed {
      Objects.requireNonNull(subscriber, "subscriber");
      Objects.requireNonNull(change, "change");
    }
  }

  /**
   * The subscriber already is in the requested state.
   *
   * @param subscriber the subscriber as it was
   */
  record Unchanged(Subscriber subscriber) implements StateChangeResult {
    /** Requires the subscriber. */
    public Unchanged {
      Objects.requireNonNull(subscriber, "subscriber");
    }
  }

  /**
   * The lifecycle does not allow the move from the current state, such as resuming a barred number
   * or anything after porting out.
   *
   * @param subscriber the subscriber as it was
   * @param reason the reason that was refused
   */
  record Refused(Subscriber subscriber, StateChangeReason reason) implements StateChangeResult {
    /** Requires both fields. */
    public Refused {
      Objects.requireNonNull(subscriber, "subscriber");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
