package org.telco.subscriber;

import java.util.Optional;

/**
 * What the number status query tells a partner about a number (flow F2). It never says why a number
 * is restricted (arrears and voluntary suspension look the same), and a number that is not ours,
 * was ported out or was closed is simply unknown: the answer reveals no more than a partner needs
 * to decide whether paying helps.
 */
public enum NumberState {
  /** Served by this operator and in service. */
  NORMAL,
  /** Served by this operator but barred or suspended. */
  RESTRICTED,
  /** Not served by this operator: never ours, ported out or closed. */
  UNKNOWN;

  /** The answer for a number, given its subscriber here if there is one. */
  public static NumberState of(Optional<Subscriber> subscriber) {
    return subscriber.map(s -> of(s.state())).orElse(UNKNOWN);
  }

  /** The answer for a subscriber in {@code state}. */
  public static NumberState of(SubscriberState state) {
    return switch (state) {
      case ACTIVE, EMERGENCY_CREDIT -> NORMAL;
      case BARRED_ARREARS, SUSPENDED_VOLUNTARY -> RESTRICTED;
      case PORTED_OUT, CLOSED -> UNKNOWN;
    };
  }
}
