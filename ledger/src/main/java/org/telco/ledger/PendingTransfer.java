package org.telco.ledger;

import java.time.Instant;

/**
 * A committed pending transfer and where it stands. The status leaves {@link PendingStatus#PENDING}
 * at most once, except when a linked chain that resolved it is rolled back before anything was
 * committed.
 */
final class PendingTransfer {
  private final Transfer transfer;
  private final Instant expiresAt;
  private PendingStatus status = PendingStatus.PENDING;
  private Transfer resolution;

  PendingTransfer(Transfer transfer) {
    this.transfer = transfer;
    this.expiresAt = transfer.timeoutSeconds() == 0 ? null : transfer.expiresAt();
  }

  Transfer transfer() {
    return transfer;
  }

  /** The amount it reserved. */
  long reserved() {
    return transfer.amount();
  }

  PendingStatus status() {
    return status;
  }

  /** When it expires, or null when it never does. */
  Instant expiresAt() {
    return expiresAt;
  }

  /** The transfer that posted, voided or expired it, or null while it is pending. */
  Transfer resolution() {
    return resolution;
  }

  /** Whether its timeout has passed at {@code now}, whatever its status. */
  boolean isDue(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /** Records the transfer that took it out of PENDING. */
  void resolve(PendingStatus newStatus, Transfer by) {
    if (status != PendingStatus.PENDING || newStatus == PendingStatus.PENDING) {
      throw new IllegalStateException(
          "pending transfer " + transfer.id() + " is " + status + ", cannot become " + newStatus);
    }
    status = newStatus;
    resolution = by;
  }

  /** Undoes {@link #resolve} when the linked chain that resolved it is rolled back. */
  void reopen() {
    status = PendingStatus.PENDING;
    resolution = null;
  }
}
