package org.telco.storage.outbox;

/**
 * The outbox table could not be read or written. Unchecked, because {@link org.telco.outbox.Outbox}
 * declares no exceptions; the relay tries again on its next round.
 */
public final class OutboxFailure extends RuntimeException {
  /** Wraps the database failure. */
  public OutboxFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
