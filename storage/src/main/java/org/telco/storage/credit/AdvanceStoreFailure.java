package org.telco.storage.credit;

/**
 * The advance table could not be read or written; nothing of the failed call was written.
 * Unchecked, because {@link org.telco.credit.AdvanceStore} declares no exceptions.
 */
public final class AdvanceStoreFailure extends RuntimeException {
  /** Wraps the database failure. */
  public AdvanceStoreFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
