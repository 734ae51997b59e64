package org.telco.ledger;

/** How a transfer behaves. PENDING, POST_PENDING and VOID_PENDING exclude one another. */
public enum TransferFlag {
  /**
   * Chains this transfer to the next one in the same request: the chain commits atomically or not
   * at all. The last transfer of a chain does not carry the flag.
   */
  LINKED,
  /** Reserves the amount (pending debit and credit) until posted, voided or expired. */
  PENDING,
  /** Posts a pending transfer, fully or partially; names it in {@code pendingId}. */
  POST_PENDING,
  /** Voids a pending transfer, releasing its reservation; names it in {@code pendingId}. */
  VOID_PENDING
}
