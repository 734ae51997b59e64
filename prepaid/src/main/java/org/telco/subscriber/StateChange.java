package org.telco.subscriber;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a subscriber's history: a state change with its reason and time. The history is
 * append-only and readable through the API, so customer care can answer "why is my number barred".
 *
 * @param msisdn the subscriber's number
 * @param from the state before, or null for the entry that created the subscriber
 * @param to the state after
 * @param reason why; it must {@linkplain StateChangeReason#explains explain} the move
 * @param at when, by the business clock
 */
public record StateChange(
    Msisdn msisdn, SubscriberState from, SubscriberState to, StateChangeReason reason, Instant at) {
  /** Refuses a move the reason does not explain: that would be a bug in the caller. */
  public StateChange {
    Objects.requireNonNull(msisdn, "msisdn");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
    if (!reason.explains(from, to)) {
      throw new IllegalArgumentException(reason + " does not explain " + from + " -> " + to);
    }
  }

  /** The first entry of every history. */
  public static StateChange subscribed(Msisdn msisdn, Instant at) {
    return new StateChange(msisdn, null, SubscriberState.ACTIVE, StateChangeReason.SUBSCRIBED, at);
  }
}
