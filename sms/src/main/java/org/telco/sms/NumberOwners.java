package org.telco.sms;

import java.util.Optional;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.OperatorProfiles;

/**
 * Which operator serves a number now (port). {@link #byRanges} answers from the operators' number
 * ranges; number portability puts the routing database in front of it, because a ported number
 * keeps its digits but changes operator.
 */
@FunctionalInterface
public interface NumberOwners {
  /** The operator serving {@code msisdn}, or empty when no operator has it. */
  Optional<OperatorId> ownerOf(String msisdn);

  /** Owners by number range alone. */
  static NumberOwners byRanges(OperatorProfiles operators) {
    return msisdn ->
        Msisdn.isWellFormed(msisdn)
            ? operators.owner(new Msisdn(msisdn)).map(OperatorProfile::id)
            : Optional.empty();
  }
}
