package org.telco.storage.payment;

/**
 * The payment tables could not be read or written; nothing of the failed call was written.
 * Unchecked, because {@link org.telco.payment.PaymentStore} declares no exceptions.
 */
public final class PaymentStoreFailure extends RuntimeException {
  /** Wraps the database failure. */
  public PaymentStoreFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
