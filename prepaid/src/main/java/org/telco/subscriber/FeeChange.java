package org.telco.subscriber;

/** What became of a request to change a plan's monthly fee ({@link PlanBook#changeMonthlyFee}). */
public sealed interface FeeChange {
  /**
   * The fee is changed and stored; the next billing cycle of every subscriber on the plan charges
   * it.
   *
   * @param plan the plan as it is now
   */
  record Changed(Plan plan) implements FeeChange {}

  /** No plan has this id; nothing changed. */
  record UnknownPlan() implements FeeChange {}

  /**
   * The fee is negative or above {@link PlanBook#MONTHLY_FEE_MAX_FEN}; nothing changed.
   *
   * @param maxFen the largest fee accepted
   */
  record OutOfRange(long maxFen) implements FeeChange {}
}
