package org.telco.porting;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a port request's history: the state it reached, when, and for an ending without a
 * port, why.
 *
 * @param state the state reached
 * @param at when
 * @param rejection why it ended; null unless {@code state} is REJECTED or EXPIRED
 */
public record PortStep(PortState state, Instant at, PortRejection rejection) {
  /** Requires a reason exactly for the endings without a port. */
  public PortStep {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
    boolean failed = state == PortState.REJECTED || state == PortState.EXPIRED;
    if (failed != (rejection != null)) {
      throw new IllegalArgumentException("a reason is given exactly for REJECTED and EXPIRED");
    }
  }
}
