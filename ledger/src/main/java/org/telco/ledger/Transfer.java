package org.telco.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A transfer the ledger has committed. Immutable: a correction is a new transfer.
 *
 * <p>For a post or void the accounts and asset are those of the pending transfer, and the amount is
 * what was actually posted or released.
 *
 * @param id the idempotency key
 * @param debitAccountId the account debited
 * @param creditAccountId the account credited
 * @param amount the amount moved or reserved, always positive
 * @param pendingId the pending transfer this posts or voids, else null
 * @param flags the behaviour flags as requested
 * @param timeoutSeconds for a pending transfer, its timeout (0 = never expires)
 * @param code the client's purpose code
 * @param asset the asset of both accounts
 * @param timestamp when the ledger committed it
 */
public record Transfer(
    TransferId id,
    AccountId debitAccountId,
    AccountId creditAccountId,
    long amount,
    TransferId pendingId,
    Set<TransferFlag> flags,
    long timeoutSeconds,
    int code,
    Asset asset,
    Instant timestamp) {

  /** Checks the invariants every committed transfer keeps. */
  public Transfer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(debitAccountId, "debitAccountId");
    Objects.requireNonNull(creditAccountId, "creditAccountId");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(timestamp, "timestamp");
    flags = Set.copyOf(flags);
    if (amount <= 0) {
      throw new IllegalStateException("committed transfer " + id + " has amount " + amount);
    }
  }

  /** Whether the transfer carries {@code flag}. */
  public boolean has(TransferFlag flag) {
    return flags.contains(flag);
  }

  /** For a pending transfer with a timeout, when it expires. */
  public Instant expiresAt() {
    if (!has(TransferFlag.PENDING) || timeoutSeconds == 0) {
      throw new IllegalStateException("transfer " + id + " does not expire");
    }
    return timestamp.plusSeconds(timeoutSeconds);
  }
}
