package org.telco.ledger;

import java.util.Objects;

/** The outcome of one transfer request: committed, or rejected with one reason. */
public sealed interface TransferResult {
  /** The request's id. */
  TransferId id();

  /**
   * The transfer is committed.
   *
   * @param transfer the committed transfer
   * @param replayed true when it was committed by an earlier request with the same id and fields: a
   *     retry, answered with the first outcome and no new movement
   */
  record Accepted(Transfer transfer, boolean replayed) implements TransferResult {
    /** Requires the transfer. */
    public Accepted {
      Objects.requireNonNull(transfer, "transfer");
    }

    @Override
    public TransferId id() {
      return transfer.id();
    }
  }

  /**
   * The request changed nothing.
   *
   * @param id the request's id
   * @param reason the first fault in precedence order
   */
  record Rejected(TransferId id, TransferRejection reason) implements TransferResult {
    /** Requires both fields. */
    public Rejected {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
