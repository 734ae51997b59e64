package org.telco.traffic;

/** Where a traffic card is in its life. */
public enum CardState {
  /** Created by its purchase's authentication confirm; not paid for yet. */
  PENDING,
  /** Paid for and waiting to be bound. */
  UNBOUND,
  /** Bound to a user, whose bucket holds its data. */
  BOUND,
  /** Its purchase was voided: it can never be bound. */
  VOIDED
}
