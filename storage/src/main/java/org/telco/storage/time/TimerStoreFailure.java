package org.telco.storage.time;

/**
 * The timer table could not be read or written. Unchecked, because {@link
 * org.telco.time.TimerStore} declares no exceptions; the timer poller retries on its next round.
 */
public final class TimerStoreFailure extends RuntimeException {
  /** Wraps the database failure. */
  public TimerStoreFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
