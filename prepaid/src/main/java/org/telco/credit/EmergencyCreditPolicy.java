package org.telco.credit;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.telco.subscriber.PlanId;

/**
 * An operator's emergency-credit settings; the app reads them from {@code emergency-credit.json},
 * whose defaults are in {@code EmergencyCreditSettings.defaults()}.
 *
 * @param delay how long a barred number waits for a top-up before the advance
 * @param repaymentPeriod from the grant to the repayment deadline
 * @param defaultAmountFen the advance for plans without their own amount
 * @param amountsByPlan advances for particular plans
 * @param minimumTenure how long the number must have been a subscriber
 * @param defaultMemory how long a defaulted advance, even recovered since, keeps a number from
 *     another one
 * @param quietHours when the bill SMS waits for morning
 */
public record EmergencyCreditPolicy(
    Duration delay,
    Duration repaymentPeriod,
    long defaultAmountFen,
    Map<PlanId, Long> amountsByPlan,
    Duration minimumTenure,
    Duration defaultMemory,
    QuietHours quietHours) {
  /** Checks every field. */
  public EmergencyCreditPolicy {
    requirePositive(delay, "delay");
    requirePositive(repaymentPeriod, "repaymentPeriod");
    Objects.requireNonNull(minimumTenure, "minimumTenure");
    Objects.requireNonNull(defaultMemory, "defaultMemory");
    Objects.requireNonNull(quietHours, "quietHours");
    if (minimumTenure.isNegative() || defaultMemory.isNegative()) {
      throw new IllegalArgumentException("tenure and memory must not be negative");
    }
    amountsByPlan = Map.copyOf(amountsByPlan);
    if (defaultAmountFen <= 0 || amountsByPlan.values().stream().anyMatch(fen -> fen <= 0)) {
      throw new IllegalArgumentException("advances must be positive");
    }
  }

  /** The advance for a subscriber of {@code plan}. */
  public long amountFor(PlanId plan) {
    return amountsByPlan.getOrDefault(plan, defaultAmountFen);
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
  }
}
