package org.telco.ledger;

/** Where a pending transfer stands. Each pending transfer leaves PENDING at most once. */
public enum PendingStatus {
  /** Reserved, awaiting post, void or expiry. */
  PENDING,
  /** Posted (fully or partially); any remainder was released. */
  POSTED,
  /** Voided by a client; the reservation was released. */
  VOIDED,
  /** Its timeout passed; the reservation was released. */
  EXPIRED
}
