package org.telco.subscriber;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The reference {@link PlanFeeStore}: changed fees in a map, gone when the process ends. */
public final class InMemoryPlanFeeStore implements PlanFeeStore {
  private final Map<PlanId, Long> fees = new ConcurrentHashMap<>();

  @Override
  public Map<PlanId, Long> monthlyFeesFen() {
    return Map.copyOf(fees);
  }

  @Override
  public void saveMonthlyFee(PlanId plan, long monthlyFeeFen) {
    fees.put(plan, monthlyFeeFen);
  }
}
