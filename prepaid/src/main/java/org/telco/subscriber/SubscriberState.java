package org.telco.subscriber;

/**
 * Where a subscriber is in the prepaid lifecycle. The allowed moves, read as "from row to column"
 * ({@code +} allowed, {@code .} refused; staying put is no move):
 *
 * <pre>
 *                       ACTIVE  BARRED  SUSPENDED  EMERGENCY  PORTED_OUT  CLOSED
 *   ACTIVE                 .       +        +          .          +          +
 *   BARRED_ARREARS         +       .        .          +          +          +
 *   SUSPENDED_VOLUNTARY    +       .        .          .          +          +
 *   EMERGENCY_CREDIT       +       +        .          .          +          +
 *   PORTED_OUT             .       .        .          .          .          .
 *   CLOSED                 .       .        .          .          .          .
 * </pre>
 *
 * A barred number cannot be suspended on request (that would hide what is due behind a state that
 * reads as the subscriber's choice), and a suspended one is never barred, because no fee is charged
 * while suspended (docs/prepaid.md). Emergency credit is entered only from a bar for arrears (the
 * operator's advance re-opens the line) and left by repaying the advance (ACTIVE) or by its
 * deadline or an unpaid fee (barred again); it is not a way into voluntary suspension either.
 * Porting out is allowed with arrears: the clearinghouse passes them to the recipient as credit
 * information. Ported out and closed are final; a number that comes back is a new subscription.
 */
public enum SubscriberState {
  /** In service: calls, data and SMS work. */
  ACTIVE,
  /** Passive suspension: a fee could not be paid; what is due reopens it once covered. */
  BARRED_ARREARS,
  /** Voluntary suspension, on the subscriber's request, until resumed. */
  SUSPENDED_VOLUNTARY,
  /**
   * Re-opened on an operator-funded advance after a bar for arrears (flow F1): in service until the
   * advance is repaid (ACTIVE) or its deadline passes unpaid (BARRED_ARREARS again).
   */
  EMERGENCY_CREDIT,
  /** The number moved to another operator; this operator no longer serves it. */
  PORTED_OUT,
  /** The subscription ended. */
  CLOSED;

  /** Whether the table above allows moving from this state to {@code next}. */
  public boolean canMoveTo(SubscriberState next) {
    return switch (this) {
      case ACTIVE -> next != ACTIVE && next != EMERGENCY_CREDIT;
      case BARRED_ARREARS -> next != BARRED_ARREARS && next != SUSPENDED_VOLUNTARY;
      case SUSPENDED_VOLUNTARY -> next == ACTIVE || next == PORTED_OUT || next == CLOSED;
      case EMERGENCY_CREDIT -> next != EMERGENCY_CREDIT && next != SUSPENDED_VOLUNTARY;
      case PORTED_OUT, CLOSED -> false;
    };
  }

  /** Whether calls, data and SMS work: active, or re-opened on emergency credit. */
  public boolean isOpen() {
    return this == ACTIVE || this == EMERGENCY_CREDIT;
  }

  /** Whether the operator still serves the number, even if restricted: not ported out or closed. */
  public boolean inService() {
    return switch (this) {
      case ACTIVE, BARRED_ARREARS, SUSPENDED_VOLUNTARY, EMERGENCY_CREDIT -> true;
      case PORTED_OUT, CLOSED -> false;
    };
  }
}
