package org.telco.storage.messaging;

/**
 * The handset inbox table could not be read or written. Unchecked, because {@link
 * org.telco.messaging.HandsetInbox} declares no exceptions; to the outbox relay a failed delivery
 * looks like an unreachable SMS centre, and the message is retried.
 */
public final class HandsetInboxFailure extends RuntimeException {
  /** Wraps the database failure. */
  public HandsetInboxFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
