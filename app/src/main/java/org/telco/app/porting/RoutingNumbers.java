package org.telco.app.porting;

import java.util.Optional;
import org.telco.porting.routing.Routing;
import org.telco.porting.routing.RoutingNumber;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.OperatorProfiles;

/**
 * Each operator's routing number: {@code 1390} followed by its mobile network code, as the prefixes
 * Chinese networks put before ported numbers are built ({@code 139001} for network 01). Every node
 * derives them from operators.json, so none is sent twice.
 */
final class RoutingNumbers {
  private final OperatorProfiles operators;

  RoutingNumbers(OperatorProfiles operators) {
    this.operators = operators;
  }

  /** The routing of a number ported to {@code recipient}. */
  Routing routingTo(OperatorId recipient) {
    OperatorProfile profile =
        operators
            .find(recipient)
            .orElseThrow(() -> new IllegalArgumentException("no operator " + recipient));
    return new Routing(recipient, new RoutingNumber("1390" + profile.mnc()));
  }

  /** The range holder of {@code msisdn}, if any operator's ranges hold it. */
  Optional<OperatorId> rangeHolder(org.telco.subscriber.Msisdn msisdn) {
    return operators.owner(msisdn).map(OperatorProfile::id);
  }
}
