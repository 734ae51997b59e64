package org.telco.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * A durable timer the ledger asks its store to keep: at {@code dueAt} the pending transfer must be
 * expired unless it was resolved before. Written in the same commit as the pending transfer, so a
 * crash can never leave a reservation without its timer.
 *
 * @param pendingId the pending transfer to expire
 * @param dueAt when it expires
 */
public record PendingExpiry(TransferId pendingId, Instant dueAt) {
  /** Requires both fields. */
  public PendingExpiry {
    Objects.requireNonNull(pendingId, "pendingId");
    Objects.requireNonNull(dueAt, "dueAt");
  }
}
