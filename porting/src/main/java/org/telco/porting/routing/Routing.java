package org.telco.porting.routing;

import java.util.Objects;
import org.telco.subscriber.OperatorId;

/**
 * Where a ported number now lives: the recipient operator that serves it and that operator's
 * routing number. A number without a routing is served by the operator whose number range it
 * belongs to.
 *
 * @param recipient the operator the number was ported to
 * @param routingNumber the recipient's routing number
 */
public record Routing(OperatorId recipient, RoutingNumber routingNumber) {
  /** Rejects missing parts. */
  public Routing {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(routingNumber, "routingNumber");
  }
}
