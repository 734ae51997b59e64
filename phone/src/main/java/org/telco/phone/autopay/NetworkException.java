package org.telco.phone.autopay;

/** The network could not be asked, or refused; the message says which and why. */
public final class NetworkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public NetworkException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public NetworkException(String message, Throwable cause) {
    super(message, cause);
  }
}
