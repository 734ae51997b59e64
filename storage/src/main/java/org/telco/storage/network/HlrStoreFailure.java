package org.telco.storage.network;

/**
 * The simulated network's tables could not be read or written. Unchecked, because {@link
 * org.telco.network.HlrStore} declares no exceptions; to the outbox relay it looks like an
 * unreachable network, and the command is retried.
 */
public final class HlrStoreFailure extends RuntimeException {
  /** Wraps the database failure. */
  public HlrStoreFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
