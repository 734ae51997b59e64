package org.telco.ledger;

import java.util.Set;

/**
 * What a transfer does to balances, derived from its flags once they are known to be mutually
 * exclusive. Lets the ledger switch exhaustively instead of testing flags again.
 */
enum TransferKind {
  /** Moves the amount between posted balances at once. */
  IMMEDIATE,
  /** Reserves the amount in pending balances. */
  PENDING,
  /** Releases a reservation and posts all or part of it. */
  POST_PENDING,
  /** Releases a reservation without posting anything. */
  VOID_PENDING;

  /** The kind of a transfer whose flags hold at most one of the pending flags. */
  static TransferKind of(Set<TransferFlag> flags) {
    if (flags.contains(TransferFlag.PENDING)) {
      return PENDING;
    }
    if (flags.contains(TransferFlag.POST_PENDING)) {
      return POST_PENDING;
    }
    if (flags.contains(TransferFlag.VOID_PENDING)) {
      return VOID_PENDING;
    }
    return IMMEDIATE;
  }

  /** Whether the transfer resolves a pending transfer named by its pendingId. */
  boolean resolvesPending() {
    return this == POST_PENDING || this == VOID_PENDING;
  }
}
