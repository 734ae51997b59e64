package org.telco.subscriber;

/**
 * Where a subscriber is in the prepaid lifecycle. The allowed moves, read as "from row to column"
 * ({@code +} allowed, {@code .} refused; staying put is no move):
 *
 * <pre>
 *                       ACTIVE  BARRED  SUSPENDED  PORTED_OUT  CLOSED
 *   ACTIVE                 .       +        +          +          +
 *   BARRED_ARREARS         +       .        .          +          +
 *   SUSPENDED_VOLUNTARY    +       .        .          +          +
 *   PORTED_OUT             .       .        .          .          .
 *   CLOSED                 .       .        .          .          .
 * </pre>
 *
 * A barred number cannot be suspended on request (that would hide what is due behind a state that
 * reads as the subscriber's choice), and a suspended one is never barred, because no fee is charged
 * while suspended (docs/prepaid.md). Porting out is allowed with arrears: the clearinghouse passes
 * them to the recipient as credit information. Ported out and closed are final; a number that comes
 * back is a new subscription.
 */
public enum SubscriberState {
  /** In service: calls, data and SMS work. */
  ACTIVE,
  /** Passive suspension: a fee could not be paid; what is due reopens it once covered. */
  BARRED_ARREARS,
  /** Voluntary suspension, on the subscriber's request, until resumed. */
  SUSPENDED_VOLUNTARY,
  /** The number moved to another operator; this operator no longer serves it. */
  PORTED_OUT,
  /** The subscription ended. */
  CLOSED;

  /** Whether the table above allows moving from this state to {@code next}. */
  public boolean canMoveTo(SubscriberState next) {
    return switch (this) {
      case ACTIVE -> next != ACTIVE;
      case BARRED_ARREARS, SUSPENDED_VOLUNTARY ->
          next == ACTIVE || next == PORTED_OUT || next == CLOSED;
      case PORTED_OUT, CLOSED -> false;
    };
  }

  /** Whether the operator still serves the number, even if restricted: not ported out or closed. */
  public boolean inService() {
    return switch (this) {
      case ACTIVE, BARRED_ARREARS, SUSPENDED_VOLUNTARY -> true;
      case PORTED_OUT, CLOSED -> false;
    };
  }
}
