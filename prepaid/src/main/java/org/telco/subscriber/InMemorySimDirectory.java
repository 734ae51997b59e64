package org.telco.subscriber;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The reference {@link SimDirectory}: two maps behind the directory's monitor. */
public final class InMemorySimDirectory implements SimDirectory {
  private final Map<Msisdn, Imsi> simOfNumber = new HashMap<>();
  private final Map<Imsi, Msisdn> numberOfSim = new HashMap<>();

  @Override
  public synchronized Assignment assign(Msisdn msisdn, Imsi imsi) {
    Msisdn holder = numberOfSim.get(imsi);
    if (holder != null) {
      return holder.equals(msisdn) ? Assignment.UNCHANGED : Assignment.TAKEN;
    }
    Imsi previous = simOfNumber.put(msisdn, imsi);
    if (previous != null) {
      numberOfSim.remove(previous);
    }
    numberOfSim.put(imsi, msisdn);
    return Assignment.ASSIGNED;
  }

  @Override
  public synchronized Optional<Msisdn> numberOf(Imsi imsi) {
    return Optional.ofNullable(numberOfSim.get(imsi));
  }

  @Override
  public synchronized Optional<Imsi> simOf(Msisdn msisdn) {
    return Optional.ofNullable(simOfNumber.get(msisdn));
  }
}
