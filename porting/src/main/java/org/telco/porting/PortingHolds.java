package org.telco.porting;

import java.util.Optional;
import org.telco.subscriber.Msisdn;

/**
 * Where the donor keeps its {@link PortingHold}s (port): numbers without one have {@link
 * PortingHold#none}. {@link InMemoryPortingHolds} is the reference; the durable one passes the same
 * contract.
 */
public interface PortingHolds {
  /** The number's hold, or none. */
  default PortingHold of(Msisdn msisdn) {
    return find(msisdn).orElseGet(() -> PortingHold.none(msisdn));
  }

  /** The number's stored hold. */
  Optional<PortingHold> find(Msisdn msisdn);

  /** Keeps {@code hold}, replacing the number's earlier one. */
  void put(PortingHold hold);
}
