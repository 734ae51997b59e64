package org.telco.credit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.telco.subscriber.Msisdn;

/** The reference {@link AdvanceStore}: advances in grant order, guarded by the store's monitor. */
public final class InMemoryAdvanceStore implements AdvanceStore {
  private final Map<String, Advance> byId = new LinkedHashMap<>();

  @Override
  public synchronized Grant grant(Advance advance) {
    if (byId.containsKey(advance.id())) {
      return Grant.ID_TAKEN;
    }
    if (open(advance.msisdn()).isPresent()) {
      return Grant.ANOTHER_OPEN;
    }
    byId.put(advance.id(), advance);
    return Grant.GRANTED;
  }

  @Override
  public synchronized boolean update(Advance before, Advance after) {
    if (!before.id().equals(after.id()) || !before.equals(byId.get(before.id()))) {
      return false;
    }
    byId.put(after.id(), after);
    return true;
  }

  @Override
  public synchronized Optional<Advance> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized List<Advance> of(Msisdn msisdn) {
    List<Advance> advances = new ArrayList<>();
    for (Advance advance : byId.values()) {
      if (advance.msisdn().equals(msisdn)) {
        advances.add(advance);
      }
    }
    return advances;
  }

  @Override
  public synchronized AdvanceSummary summary() {
    return AdvanceSummary.of(List.copyOf(byId.values()));
  }
}
