package org.telco.subscriber;

import java.util.HashMap;
import java.util.Map;

/** The reference {@link PlanFeeStore}: changed fees in a map, gone when the process ends. */
public final class InMemoryPlanFeeStore implements PlanFeeStore {
  private final Map<PlanId, Long> fees = new HashMap<>();

  @Override
  public synchronized Map<PlanId, Long> monthlyFeesFen() {
    return Map.copyOf(fees);
  }

  @Override
  public synchronized void saveMonthlyFee(PlanId plan, long monthlyFeeFen) {
    fees.put(plan, monthlyFeeFen);
  }
}
