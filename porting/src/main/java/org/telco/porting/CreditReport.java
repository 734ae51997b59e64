package org.telco.porting;

import java.time.Instant;
import java.util.Objects;
import org.telco.subscriber.Msisdn;

/**
 * What the donor answers the clearinghouse's credit query, relayed to the recipient: what the
 * subscriber still owes, what it still has, and how long it has been a subscriber. The compensation
 * the recipient pays the donor for taking the number is what is owed.
 *
 * @param msisdn the number
 * @param arrearsFen unpaid fees
 * @param unpaidAdvancesFen emergency advances not yet repaid (flow F1)
 * @param lockInUntil the end of a contract lock-in; null when there is none
 * @param earlyTerminationFen what leaving before the lock-in ends costs; 0 when not locked in
 * @param balanceFen the prepaid money left, refunded to the subscriber when the number leaves
 * @param tenureDays days since it subscribed
 */
public record CreditReport(
    Msisdn msisdn,
    long arrearsFen,
    long unpaidAdvancesFen,
    Instant lockInUntil,
    long earlyTerminationFen,
    long balanceFen,
    long tenureDays) {
  /** Requires the number and no negative amount. */
  public CreditReport {
    Objects.requireNonNull(msisdn, "msisdn");
    if (arrearsFen < 0
        || unpaidAdvancesFen < 0
        || earlyTerminationFen < 0
        || balanceFen < 0
        || tenureDays < 0) {
      throw new IllegalArgumentException("amounts and tenure are not negative");
    }
    if (lockInUntil == null && earlyTerminationFen != 0) {
      throw new IllegalArgumentException("an early-termination amount needs a lock-in");
    }
  }

  /** What the recipient pays the donor: arrears, unpaid advances and early termination. */
  public long compensationFen() {
    return Math.addExact(Math.addExact(arrearsFen, unpaidAdvancesFen), earlyTerminationFen);
  }
}
