package org.telco.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a ledger's expiry schedule ({@link Ledger#pendingExpiries()}): at {@code dueAt} the
 * pending transfer is expired unless it was resolved before. The schedule is derived from the
 * pending transfers themselves, so it is durable exactly when they are.
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
