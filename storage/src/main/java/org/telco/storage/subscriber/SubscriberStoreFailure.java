package org.telco.storage.subscriber;

/**
 * The subscriber tables could not be read or written; nothing of the failed call was written.
 * Unchecked, because {@link org.telco.subscriber.SubscriberStore} declares no exceptions.
 */
public final class SubscriberStoreFailure extends RuntimeException {
  /** Wraps the database failure. */
  public SubscriberStoreFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
