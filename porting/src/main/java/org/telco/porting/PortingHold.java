package org.telco.porting;

import java.time.Instant;
import java.util.Objects;
import org.telco.subscriber.Msisdn;

/**
 * What the donor keeps about a number that bears on porting it out, beside its subscription: a
 * porting lock the subscriber asked for, when its SIM was last replaced, and a contract lock-in
 * with what leaving early costs. A number with none of these has {@link #none}.
 *
 * @param msisdn the number
 * @param locked whether a porting lock is on
 * @param simSwappedAt when the SIM was last replaced; null if never
 * @param lockInUntil the end of a contract lock-in; null when there is none
 * @param earlyTerminationFen what leaving before {@code lockInUntil} costs
 */
public record PortingHold(
    Msisdn msisdn,
    boolean locked,
    Instant simSwappedAt,
    Instant lockInUntil,
    long earlyTerminationFen) {
  /** Requires the number, and an early-termination amount only with a lock-in. */
  public PortingHold {
    Objects.requireNonNull(msisdn, "msisdn");
    if (earlyTerminationFen < 0 || (lockInUntil == null && earlyTerminationFen != 0)) {
      throw new IllegalArgumentException("an early-termination amount needs a lock-in");
    }
  }

  /** A number with no lock, no swap and no lock-in. */
  public static PortingHold none(Msisdn msisdn) {
    return new PortingHold(msisdn, false, null, null, 0);
  }

  /** What leaving at {@code at} costs: the early-termination amount while the lock-in lasts. */
  public long earlyTerminationAt(Instant at) {
    return lockInUntil != null && at.isBefore(lockInUntil) ? earlyTerminationFen : 0;
  }

  /** The lock-in in force at {@code at}; null when none. */
  public Instant lockInAt(Instant at) {
    return lockInUntil != null && at.isBefore(lockInUntil) ? lockInUntil : null;
  }
}
