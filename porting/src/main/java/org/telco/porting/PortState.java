package org.telco.porting;

import java.util.Set;

/**
 * Where a port request stands at the clearinghouse. It moves forward one step at a time, or ends
 * REJECTED or EXPIRED from any state before SETTLED; from SETTLED on the money has moved and the
 * routing is recorded, so it can only complete.
 */
public enum PortState {
  /** The recipient asked to verify the number and the terminal's result. */
  REQUESTED,
  /** The result matched the donor's deposit. */
  VERIFIED,
  /** The donor answered the credit query; the recipient has the credit information. */
  CREDIT_CHECKED,
  /** The recipient accepted the port and its compensation. */
  ACCEPTED,
  /** The compensation moved between the settlement accounts and the routing is recorded. */
  SETTLED,
  /** The donor closed the number and the recipient activated it. */
  COMPLETED,
  /** Ended without a port; the request names why. */
  REJECTED,
  /** Ended without a port because a step did not come in time. */
  EXPIRED;

  /** Whether the request has ended. */
  public boolean isFinal() {
    return this == COMPLETED || this == REJECTED || this == EXPIRED;
  }

  /** Whether it may go from here to {@code next}. */
  public boolean mayMoveTo(PortState next) {
    return switch (this) {
      case REQUESTED -> Set.of(VERIFIED, REJECTED, EXPIRED).contains(next);
      case VERIFIED -> Set.of(CREDIT_CHECKED, REJECTED, EXPIRED).contains(next);
      case CREDIT_CHECKED -> Set.of(ACCEPTED, REJECTED, EXPIRED).contains(next);
      case ACCEPTED -> Set.of(SETTLED, REJECTED, EXPIRED).contains(next);
      case SETTLED -> next == COMPLETED;
      case COMPLETED, REJECTED, EXPIRED -> false;
    };
  }
}
