package org.telco.charging;

/** Where a charging session is. */
public enum SessionState {
  /** Created and not released: the SMF reports and asks for quota. */
  OPEN,
  /** Released by the SMF: every reservation settled. */
  RELEASED,
  /** Ended by the charging function (the number was barred): reservations settled or voided. */
  ABORTED
}
