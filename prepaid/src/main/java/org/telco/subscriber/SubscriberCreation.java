package org.telco.subscriber;

import java.util.Objects;

/** The outcome of storing a new subscriber. */
public sealed interface SubscriberCreation {
  /**
   * Stored, at version 0, with the first history entry.
   *
   * @param subscriber as stored
   */
  record Created(Subscriber subscriber) implements SubscriberCreation {
    /** Requires the subscriber. */
    public Created {
      Objects.requireNonNull(subscriber, "subscriber");
    }
  }

  /**
   * Nothing stored: the number already has a subscriber (in whatever state).
   *
   * @param existing the subscriber holding the number
   */
  record MsisdnTaken(Subscriber existing) implements SubscriberCreation {
    /** Requires the subscriber. */
    public MsisdnTaken {
      Objects.requireNonNull(existing, "existing");
    }
  }
}
