package org.telco.traffic;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.telco.subscriber.Msisdn;

/**
 * Where traffic cards are kept (port). {@link InMemoryCardStore} is the reference implementation.
 * Binding is a compare-and-set from UNBOUND, so of two users racing for one card exactly one gets
 * it.
 */
public interface CardStore {
  /**
   * Stores a new PENDING card unless its purchase has one already.
   *
   * @return the purchase's card: this one, or the one stored before (a retried step)
   * @throws IllegalArgumentException when the card is not PENDING
   * @throws IllegalStateException when another purchase's card has this number (drawn twice)
   */
  TrafficCard create(TrafficCard card);

  /** The card with this number. */
  Optional<TrafficCard> find(CardId id);

  /** The card a purchase created. */
  Optional<TrafficCard> ofPurchase(PurchaseId id);

  /**
   * Moves a card from {@code from} to {@code to} if it is still in {@code from} (compare-and-set).
   *
   * @return whether it moved
   * @throws IllegalArgumentException when {@code from} or {@code to} is BOUND: a card is bound by
   *     {@link #bind}, and a bound card stays bound (its user's bucket holds its data)
   */
  boolean move(CardId id, CardState from, CardState to);

  /**
   * Binds an UNBOUND card to {@code user} at {@code at}.
   *
   * @return whether it was bound by this call
   */
  boolean bind(CardId id, Msisdn user, boolean designated, Instant at);

  /** The cards a subscriber bought, newest first (then by number). */
  List<TrafficCard> boughtBy(Msisdn purchaser);
}
