package org.telco.credit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.telco.subscriber.Msisdn;

/**
 * Where advances are kept (port), each with its whole history of states through its versions of
 * {@link Advance}. {@link InMemoryAdvanceStore} is the reference implementation; a durable one must
 * pass the same contract suite.
 */
public interface AdvanceStore {
  /** What {@link #grant} did. */
  enum Grant {
    /** Stored. */
    GRANTED,
    /** An advance with this id exists; the first one stays. */
    ID_TAKEN,
    /** The number still has an open advance (outstanding or defaulted); one at a time. */
    ANOTHER_OPEN
  }

  /** Stores a new advance, unless its id exists or the number has an open one. */
  Grant grant(Advance advance);

  /**
   * {@link #grant} for each advance, in one round trip where the store allows it; the answers come
   * in request order. The emergency-credit timers grant thousands at once.
   *
   * @throws IllegalArgumentException when two advances name the same number
   */
  default List<Grant> grantAll(List<Advance> advances) {
    Set<Msisdn> numbers = new HashSet<>();
    for (Advance advance : advances) {
      if (!numbers.add(advance.msisdn())) {
        throw new IllegalArgumentException("two advances for " + advance.msisdn());
      }
    }
    List<Grant> results = new ArrayList<>(advances.size());
    for (Advance advance : advances) {
      results.add(grant(advance));
    }
    return results;
  }

  /**
   * Replaces a stored advance by its next step, only if the stored one is still {@code before} (so
   * two top-ups racing for one advance cannot both apply to the same amount).
   *
   * @return whether it was replaced
   */
  boolean update(Advance before, Advance after);

  /** The advance with this id. */
  Optional<Advance> find(String id);

  /** Every advance of the number, oldest first. */
  List<Advance> of(Msisdn msisdn);

  /**
   * {@link #of} for each number, in one round trip where the store allows it; a number without
   * advances maps to an empty list.
   */
  default Map<Msisdn, List<Advance>> ofAll(Collection<Msisdn> msisdns) {
    Map<Msisdn, List<Advance>> found = new HashMap<>();
    for (Msisdn msisdn : msisdns) {
      found.put(msisdn, of(msisdn));
    }
    return found;
  }

  /** The number's open advance (outstanding or defaulted), if any. */
  default Optional<Advance> open(Msisdn msisdn) {
    return of(msisdn).stream().filter(a -> a.state().isOpen()).findFirst();
  }

  /** Totals over every advance, for operator reporting. */
  AdvanceSummary summary();
}
