package org.telco.charging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.telco.subscriber.Msisdn;
import org.telco.traffic.RatingGroup;

/**
 * A charging session (an Nchf charging data resource): one PDU session of one subscriber, with the
 * reservations it holds per rating group and the last answer it gave, so a retransmitted request
 * gets that answer again without charging twice.
 *
 * @param ref its id
 * @param msisdn the subscriber
 * @param family the subscriber's account family (where its buckets and money are)
 * @param notifyUri where the SMF takes notifications (ABORT_CHARGING), or null
 * @param state where it is
 * @param sequence the invocation sequence number of the last request applied
 * @param answer the last answer, as sent (opaque here: the web layer's JSON)
 * @param held the reservations per rating group, in the order they were made
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record ChargingSession(
    ChargingRef ref,
    Msisdn msisdn,
    long family,
    String notifyUri,
    SessionState state,
    long sequence,
    String answer,
    Map<RatingGroup, List<Reservation>> held,
    Instant createdAt,
    Instant updatedAt) {
  /** Checks the family and freezes the reservations, sorted by rating group. */
  public ChargingSession {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(msisdn, "msisdn");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (family < 0) {
      throw new IllegalArgumentException("family must not be negative: " + family);
    }
    TreeMap<RatingGroup, List<Reservation>> copy = new TreeMap<>();
    held.forEach(
        (group, list) -> {
          if (!list.isEmpty()) {
            copy.put(group, List.copyOf(list));
          }
        });
    held = java.util.Collections.unmodifiableSortedMap(copy);
  }

  /** This session after a request: its sequence, answer, reservations and state. */
  public ChargingSession after(
      long nextSequence,
      String nextAnswer,
      Map<RatingGroup, List<Reservation>> nextHeld,
      SessionState nextState,
      Instant at) {
    return new ChargingSession(
        ref,
        msisdn,
        family,
        notifyUri,
        nextState,
        nextSequence,
        nextAnswer,
        nextHeld,
        createdAt,
        at);
  }

  /** The reservations of one rating group, empty if none. */
  public List<Reservation> heldFor(RatingGroup group) {
    return held.getOrDefault(group, List.of());
  }

  /** Whether it still takes requests. */
  public boolean isOpen() {
    return state == SessionState.OPEN;
  }
}
