package org.telco.porting.routing;

import java.util.Objects;
import org.telco.subscriber.Msisdn;

/**
 * One row of the routing database: a ported number and where it now lives. A snapshot is a set of
 * these with the version of the last routing change they include.
 *
 * @param msisdn the ported number
 * @param routing where it lives
 */
public record RoutingRecord(Msisdn msisdn, Routing routing) {
  /** Rejects missing parts. */
  public RoutingRecord {
    Objects.requireNonNull(msisdn, "msisdn");
    Objects.requireNonNull(routing, "routing");
  }
}
