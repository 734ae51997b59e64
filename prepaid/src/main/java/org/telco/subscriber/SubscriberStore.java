package org.telco.subscriber;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where subscribers and their state histories are kept (port). {@link InMemorySubscriberStore} is
 * the reference implementation; every implementation passes the same contract suite. Safe for
 * concurrent use.
 */
public interface SubscriberStore {
  /**
   * Stores a new subscriber (at version 0) and the {@link StateChange#subscribed} entry of its
   * history, unless the number is taken.
   */
  SubscriberCreation create(Subscriber subscriber);

  /** The subscriber with this number, at its stored version. */
  Optional<Subscriber> find(Msisdn msisdn);

  /**
   * The subscribers with these numbers, by number; unknown numbers are left out. The SMS centre
   * asks once per batch of messages, so a store over a database should answer in one query.
   */
  default Map<Msisdn, Subscriber> findAll(Collection<Msisdn> msisdns) {
    Map<Msisdn, Subscriber> found = new HashMap<>();
    for (Msisdn msisdn : msisdns) {
      find(msisdn).ifPresent(subscriber -> found.put(msisdn, subscriber));
    }
    return found;
  }

  /**
   * Writes the subscriber and appends its history entries, if the stored version is still the one
   * the copy was read at; the stored version becomes one more. Only plan, state, password and next
   * cycle start are written: the other fields are fixed at creation.
   */
  default SubscriberUpdateResult update(SubscriberUpdate update) {
    return updateAll(List.of(update)).getFirst();
  }

  /**
   * Applies updates of different subscribers, each on its own terms (a stale one does not stop the
   * others), in one round trip where the store allows it; the answers come in request order. The
   * billing cycle run uses it to write thousands of subscribers at once.
   *
   * @throws IllegalArgumentException when two updates name the same subscriber
   */
  List<SubscriberUpdateResult> updateAll(List<SubscriberUpdate> updates);

  /** The subscriber's history, oldest first; empty for an unknown number. */
  List<StateChange> history(Msisdn msisdn);

  /**
   * Subscribers still in service (not ported out or closed) whose next cycle starts at or before
   * {@code now}, earliest cycle first, then by number; at most {@code limit}.
   */
  List<Subscriber> dueForCycle(Instant now, int limit);

  /**
   * Subscribers whose number starts with {@code digitsPrefix}, by number; at most {@code limit}.
   * The console's search asks it, so a store over a database should answer from its key's index.
   */
  List<Subscriber> numbersStartingWith(String digitsPrefix, int limit);

  /** How many subscribers are in each state; states nobody is in are left out. */
  Map<SubscriberState, Long> countByState();

  /**
   * A serial never handed out before by this store, not negative; serials grow but may skip. It
   * picks the account family of a new subscriber ({@link SubscriberAccounts#subscriberFamily}).
   */
  long nextFamilySerial();
}
