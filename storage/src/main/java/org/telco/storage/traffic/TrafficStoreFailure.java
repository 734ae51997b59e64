package org.telco.storage.traffic;

/**
 * A traffic or charging table could not be read or written; nothing of the failed call was written.
 * Unchecked, because the ports declare no exceptions.
 */
public final class TrafficStoreFailure extends RuntimeException {
  /** Wraps the database failure. */
  public TrafficStoreFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
