package org.telco.ledger;

/** How a pending transfer ended, read from the transfer that resolved it. */
final class Resolutions {
  private Resolutions() {}

  /**
   * POSTED for a post; EXPIRED for a void that {@link Ledger#expire} committed (code 0, an expiry
   * id, at or after the pending transfer's expiry time, when no client post or void can succeed any
   * more); VOIDED for any other void.
   */
  static PendingStatus statusOf(Transfer pending, Transfer resolution) {
    if (resolution.has(TransferFlag.POST_PENDING)) {
      return PendingStatus.POSTED;
    }
    boolean expiry =
        resolution.code() == 0
            && ExpiryIds.hasExpiryShape(resolution.id())
            && pending.timeoutSeconds() != 0
            && !resolution.timestamp().isBefore(pending.expiresAt());
    return expiry ? PendingStatus.EXPIRED : PendingStatus.VOIDED;
  }
}
