package org.telco.credit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.telco.subscriber.BillingCycles;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberState;

/**
 * Whether a subscriber may have an advance now. Only a number barred for arrears qualifies (not a
 * voluntarily suspended, ported-out or closed one, nor one a top-up re-opened meanwhile); it must
 * have been a subscriber for the minimum tenure, counted from the start of its subscription day;
 * and it must have no advance still owed, nor a default within the policy's memory. One advance at
 * a time follows from the second rule.
 */
public final class Eligibility {
  private final EmergencyCreditPolicy policy;

  /** Rules of {@code policy}. */
  public Eligibility(EmergencyCreditPolicy policy) {
    this.policy = policy;
  }

  /** Why a subscriber gets no advance. */
  public enum Refusal {
    /** Not (or no longer) barred for arrears. */
    NOT_BARRED_FOR_ARREARS,
    /** A subscriber for less than the minimum tenure. */
    TENURE_TOO_SHORT,
    /** An earlier advance is still owed, outstanding or defaulted. */
    ADVANCE_UNPAID,
    /** An advance defaulted within the policy's memory, though recovered since. */
    RECENT_DEFAULT
  }

  /** The verdict for {@code subscriber} at {@code now}. */
  public sealed interface Verdict {
    /** An advance of {@code amountFen} may be granted. */
    record Eligible(long amountFen) implements Verdict {}

    /** No advance, for {@code reason}. */
    record Ineligible(Refusal reason) implements Verdict {}
  }

  /**
   * Judges {@code subscriber} with its earlier {@code advances}.
   *
   * @param advances every advance the subscriber had, in any order
   */
  public Verdict check(Subscriber subscriber, List<Advance> advances, Instant now) {
    if (subscriber.state() != SubscriberState.BARRED_ARREARS) {
      return new Verdict.Ineligible(Refusal.NOT_BARRED_FOR_ARREARS);
    }
    if (Duration.between(subscriptionDay(subscriber), now).compareTo(policy.minimumTenure()) < 0) {
      return new Verdict.Ineligible(Refusal.TENURE_TOO_SHORT);
    }
    for (Advance advance : advances) {
      if (advance.state().isOpen()) {
        return new Verdict.Ineligible(Refusal.ADVANCE_UNPAID);
      }
    }
    for (Advance advance : advances) {
      if (advance.state() == AdvanceState.RECOVERED
          && advance.deadline().plus(policy.defaultMemory()).isAfter(now)) {
        return new Verdict.Ineligible(Refusal.RECENT_DEFAULT);
      }
    }
    return new Verdict.Eligible(policy.amountFor(subscriber.planId()));
  }

  /**
   * Midnight at the start of the day the number was subscribed, in the operator's zone (the one the
   * policy's quiet hours are read in). Tenure counts from there, as billing cycles do: a number
   * subscribed at 10:00 on 10 February is barred for its first fee at midnight on 10 March, only 27
   * days and 14 hours after the subscription itself, yet it was a subscriber all through February.
   * Counted from the instant, every number subscribed in a February of 28 days would be refused at
   * its first fee under the default 28 days.
   */
  private Instant subscriptionDay(Subscriber subscriber) {
    return new BillingCycles(policy.quietHours().zone()).start(subscriber.createdAt(), 0);
  }
}
