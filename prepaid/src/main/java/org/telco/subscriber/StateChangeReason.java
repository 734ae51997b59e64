package org.telco.subscriber;

/**
 * Why a subscriber changed state. Each reason leads to exactly one state ({@link #target()}), and
 * some only from one state: ARREARS_PAID and EMERGENCY_CREDIT_GRANTED leave BARRED_ARREARS,
 * RESUMED_BY_REQUEST leaves SUSPENDED_VOLUNTARY, ADVANCE_REPAID and ADVANCE_DEFAULTED leave
 * EMERGENCY_CREDIT. So the history reads unambiguously.
 */
public enum StateChangeReason {
  /** The subscription was created. */
  SUBSCRIBED,
  /** A monthly fee could not be paid from the balance. */
  FEE_UNPAID,
  /** Payments covered everything that was due. */
  ARREARS_PAID,
  /** The subscriber asked to suspend the number. */
  SUSPENDED_BY_REQUEST,
  /** The subscriber asked to resume a suspended number. */
  RESUMED_BY_REQUEST,
  /** The operator advanced emergency credit to a number barred for arrears (flow F1). */
  EMERGENCY_CREDIT_GRANTED,
  /** The emergency advance and everything due were paid: formally re-opened. */
  ADVANCE_REPAID,
  /** The emergency advance's deadline passed before it was repaid. */
  ADVANCE_DEFAULTED,
  /** The number was ported to another operator. */
  PORTED_OUT,
  /** The subscription was closed. */
  CLOSED;

  /** The state this reason leads to. */
  public SubscriberState target() {
    return switch (this) {
      case SUBSCRIBED, ARREARS_PAID, RESUMED_BY_REQUEST, ADVANCE_REPAID -> SubscriberState.ACTIVE;
      case FEE_UNPAID, ADVANCE_DEFAULTED -> SubscriberState.BARRED_ARREARS;
      case EMERGENCY_CREDIT_GRANTED -> SubscriberState.EMERGENCY_CREDIT;
      case SUSPENDED_BY_REQUEST -> SubscriberState.SUSPENDED_VOLUNTARY;
      case PORTED_OUT -> SubscriberState.PORTED_OUT;
      case CLOSED -> SubscriberState.CLOSED;
    };
  }

  /**
   * Whether this reason explains a move from {@code from} (null for a new subscription) to {@code
   * to}: the move is in the {@link SubscriberState} table, leads to {@link #target()} and starts
   * where this reason requires.
   */
  public boolean explains(SubscriberState from, SubscriberState to) {
    if (to != target()) {
      return false;
    }
    if (this == SUBSCRIBED || from == null) {
      return this == SUBSCRIBED && from == null;
    }
    boolean rightStart =
        switch (this) {
          case ARREARS_PAID, EMERGENCY_CREDIT_GRANTED -> from == SubscriberState.BARRED_ARREARS;
          case RESUMED_BY_REQUEST -> from == SubscriberState.SUSPENDED_VOLUNTARY;
          case ADVANCE_REPAID, ADVANCE_DEFAULTED -> from == SubscriberState.EMERGENCY_CREDIT;
          case SUBSCRIBED, FEE_UNPAID, SUSPENDED_BY_REQUEST, PORTED_OUT, CLOSED -> true;
        };
    return rightStart && from.canMoveTo(to);
  }
}
