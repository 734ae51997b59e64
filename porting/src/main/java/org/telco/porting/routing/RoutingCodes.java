package org.telco.porting.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one-byte codes a {@link RoutingTable} stores instead of routings: code 0 means "not ported",
 * codes 1 to 255 stand for the distinct routings the table has seen, in order of first use. A code
 * is never reused or reassigned for the life of the table, so an answer read from an old slot array
 * still decodes correctly.
 *
 * <p>Only the table's writer assigns codes. Readers decode through an immutable list that the
 * writer replaces (copy on write) through a volatile field <em>before</em> it stores any slot
 * carrying the new code; a reader that has seen such a slot with acquire semantics therefore also
 * sees a list long enough to decode it.
 */
final class RoutingCodes {
  /** Distinct routings one table can hold: every value of a byte but 0. */
  static final int COUNT_MAX = 255;

  private final Map<Routing, Integer> codes = new HashMap<>();
  private volatile List<Optional<Routing>> routings = List.of(Optional.empty());

  /**
   * The code of {@code routing}, assigning the next one if it is new. Writer only.
   *
   * @throws IllegalStateException if the table already has 255 distinct routings
   */
  int codeOf(Routing routing) {
    Integer known = codes.get(routing);
    if (known != null) {
      return known;
    }
    if (codes.size() == COUNT_MAX) {
      throw new IllegalStateException(
          "a routing table holds at most "
              + COUNT_MAX
              + " distinct routings; cannot add "
              + routing);
    }
    int code = codes.size() + 1;
    List<Optional<Routing>> grown = new ArrayList<>(routings);
    grown.add(Optional.of(routing));
    routings = List.copyOf(grown);
    codes.put(routing, code);
    return code;
  }

  /**
   * What {@code code} stands for: empty for 0. Safe from any thread for a code read from a slot.
   */
  Optional<Routing> routing(int code) {
    return routings.get(code);
  }

  /** How many distinct routings have codes. */
  int count() {
    return routings.size() - 1;
  }
}
