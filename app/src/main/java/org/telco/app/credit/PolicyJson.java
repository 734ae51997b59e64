package org.telco.app.credit;

import java.util.Map;
import java.util.TreeMap;
import org.telco.credit.EmergencyCreditPolicy;

/**
 * The emergency-credit policy in force, shown with the summary so a report says which rules
 * produced its figures.
 *
 * @param delayMinutes how long a barred number waits before its advance
 * @param repaymentHours from the grant to the deadline
 * @param defaultAmountFen the advance for plans without their own
 * @param amountsByPlanFen advances of particular plans
 * @param minimumTenureDays how long a number must have been a subscriber
 * @param defaultMemoryDays how long a default keeps a number from another advance
 * @param quietHours when advance SMS wait, such as {@code 22:00-08:00}
 */
record PolicyJson(
    long delayMinutes,
    long repaymentHours,
    long defaultAmountFen,
    Map<String, Long> amountsByPlanFen,
    long minimumTenureDays,
    long defaultMemoryDays,
    String quietHours) {
  static PolicyJson of(EmergencyCreditPolicy policy) {
    Map<String, Long> byPlan = new TreeMap<>();
    policy.amountsByPlan().forEach((plan, fen) -> byPlan.put(plan.value(), fen));
    return new PolicyJson(
        policy.delay().toMinutes(),
        policy.repaymentPeriod().toHours(),
        policy.defaultAmountFen(),
        byPlan,
        policy.minimumTenure().toDays(),
        policy.defaultMemory().toDays(),
        policy.quietHours().start() + "-" + policy.quietHours().end());
  }
}
