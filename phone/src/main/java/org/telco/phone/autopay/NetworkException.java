package org.telco.phone.autopay;

/**
 * The network could not be asked, or refused; the message says which and why. A refusal (the
 * operator answered 4xx) is definite: the request changed nothing. Anything else (no answer, a
 * timeout, a server error) leaves it unknown whether a payment landed.
 */
public final class NetworkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean refused;

  /** A failure whose outcome is unknown, described by {@code message}. */
  public NetworkException(String message) {
    this(message, false);
  }

  /**
   * A failure described by {@code message}.
   *
   * @param refused whether the operator answered and refused, so nothing happened
   */
  public NetworkException(String message, boolean refused) {
    super(message);
    this.refused = refused;
  }

  /** A failure whose outcome is unknown, described by {@code message}, caused by {@code cause}. */
  public NetworkException(String message, Throwable cause) {
    super(message, cause);
    this.refused = false;
  }

  /** Whether the operator refused, so that the request certainly changed nothing. */
  public boolean refused() {
    return refused;
  }
}
