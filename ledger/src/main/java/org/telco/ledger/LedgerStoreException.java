package org.telco.ledger;

/** A store could not make a batch durable; nothing of the batch was written. */
public final class LedgerStoreException extends RuntimeException {
  /** Wraps the infrastructure failure. */
  public LedgerStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A refusal the store detected itself, such as a batch reusing a committed id. */
  public LedgerStoreException(String message) {
    super(message);
  }
}
