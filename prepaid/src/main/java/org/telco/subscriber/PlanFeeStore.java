package org.telco.subscriber;

import java.util.Map;

/**
 * Where an operator's changes to its plans' monthly fees are kept (port), so that a fee changed in
 * the console survives a restart. Only changed fees are stored; the rest of a plan comes from its
 * catalogue.
 */
public interface PlanFeeStore {
  /** Every changed monthly fee, by plan. */
  Map<PlanId, Long> monthlyFeesFen();

  /** Keeps {@code monthlyFeeFen} as the plan's fee from now on, replacing an earlier change. */
  void saveMonthlyFee(PlanId plan, long monthlyFeeFen);
}
