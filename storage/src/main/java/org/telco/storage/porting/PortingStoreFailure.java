package org.telco.storage.porting;

/**
 * The porting tables could not be read or written; nothing of the failed call was written.
 * Unchecked, because {@link org.telco.porting.PortingStore} declares no exceptions.
 */
public final class PortingStoreFailure extends RuntimeException {
  /** Wraps the database failure. */
  public PortingStoreFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
