package org.telco.app.billing;

import java.time.LocalDate;
import org.telco.subscriber.Plan;
import org.telco.subscriber.Subscriber;

/** One subscriber's cycle in a chunk; {@code step} moves on as the chunk goes. */
final class BillingItem {
  final Subscriber subscriber;
  final Plan plan;
  final LocalDate cycle;
  Step step;

  BillingItem(Subscriber subscriber, Plan plan, LocalDate cycle, Step step) {
    this.subscriber = subscriber;
    this.plan = plan;
    this.cycle = cycle;
    this.step = step;
  }

  /** Where one subscriber's cycle stands within a chunk. */
  enum Step {
    /** Try to charge the fee from money. */
    CHARGE,
    /** The fee is paid. */
    CHARGED,
    /** Record the fee as due and bar the number. */
    BAR,
    /** Record the fee as due; the number is barred already. */
    RECORD_DUE,
    /** No fee this cycle. */
    SKIP
  }
}
