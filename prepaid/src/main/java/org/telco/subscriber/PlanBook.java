package org.telco.subscriber;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The plans an operator sells as they stand now: its catalogue with the monthly fees changed since
 * (kept in a {@link PlanFeeStore}). Everything that prices by plan (the billing run, charging, the
 * API and the console) reads {@link #current()} each time, so a changed fee applies from the next
 * cycle on without a restart. Changes are serialised; readers never wait.
 */
public final class PlanBook {
  /** The largest monthly fee a plan may have: 10,000 yuan, well beyond any real plan. */
  public static final long MONTHLY_FEE_MAX_FEN = 1_000_000;

  private final PlanFeeStore store;
  private volatile PlanCatalog current;

  /** The catalogue {@code base} with the fee changes found in {@code store}. */
  public PlanBook(PlanCatalog base, PlanFeeStore store) {
    this.store = Objects.requireNonNull(store, "store");
    this.current = withFees(base, store.monthlyFeesFen());
  }

  /** The plans in force now. */
  public PlanCatalog current() {
    return current;
  }

  /** Changes one plan's monthly fee, keeping the change in the store first. */
  public synchronized FeeChange changeMonthlyFee(PlanId plan, long monthlyFeeFen) {
    if (current.find(plan).isEmpty()) {
      return new FeeChange.UnknownPlan();
    }
    if (monthlyFeeFen < 0 || monthlyFeeFen > MONTHLY_FEE_MAX_FEN) {
      return new FeeChange.OutOfRange(MONTHLY_FEE_MAX_FEN);
    }
    store.saveMonthlyFee(plan, monthlyFeeFen);
    current = withFees(current, Map.of(plan, monthlyFeeFen));
    return new FeeChange.Changed(current.find(plan).orElseThrow());
  }

  private static PlanCatalog withFees(PlanCatalog catalog, Map<PlanId, Long> fees) {
    List<Plan> plans = new ArrayList<>();
    for (Plan plan : catalog.plans()) {
      Long fee = fees.get(plan.id());
      plans.add(
          fee == null
              ? plan
              : new Plan(
                  plan.id(),
                  plan.name(),
                  fee,
                  plan.includedDataBytes(),
                  plan.payAsYouGoFenPerMegabyte()));
    }
    return new PlanCatalog(catalog.operatorId(), plans);
  }
}
