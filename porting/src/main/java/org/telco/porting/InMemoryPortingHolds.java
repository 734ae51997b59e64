package org.telco.porting;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.telco.subscriber.Msisdn;

/** The reference {@link PortingHolds}: a concurrent map. */
public final class InMemoryPortingHolds implements PortingHolds {
  private final Map<Msisdn, PortingHold> holds = new ConcurrentHashMap<>();

  @Override
  public Optional<PortingHold> find(Msisdn msisdn) {
    return Optional.ofNullable(holds.get(msisdn));
  }

  @Override
  public void put(PortingHold hold) {
    holds.put(hold.msisdn(), hold);
  }
}
