package org.telco.app.subscriber;

import org.telco.subscriber.Plan;

/**
 * A plan as {@code GET /api/v1/plans} shows it.
 *
 * @param id the plan id
 * @param name its display name
 * @param monthlyFeeFen the fee charged at each cycle start
 * @param includedDataBytes data included per cycle
 * @param payAsYouGoFenPerMegabyte price of data beyond the included amount
 */
record PlanJson(
    String id,
    String name,
    long monthlyFeeFen,
    long includedDataBytes,
    long payAsYouGoFenPerMegabyte) {
  static PlanJson of(Plan plan) {
    return new PlanJson(
        plan.id().value(),
        plan.name(),
        plan.monthlyFeeFen(),
        plan.includedDataBytes(),
        plan.payAsYouGoFenPerMegabyte());
  }
}
