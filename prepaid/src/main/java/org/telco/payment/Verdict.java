package org.telco.payment;

import java.util.Objects;

/**
 * What {@link PaymentRules} say about a request before anything is written: go ahead, answer with
 * what an earlier identical request recorded, or refuse.
 *
 * @param <T> what the request records: a {@link Payment} or a {@link Refund}
 */
public sealed interface Verdict<T> {
  /** Nothing stands in the way; collect the money and record it. */
  record Proceed<T>() implements Verdict<T> {}

  /**
   * The same request was accepted before: answer with its record and do nothing new (but re-submit
   * the ledger transfers, which the ledger answers as replayed, in case a crash cut the first
   * attempt short).
   *
   * @param existing the earlier record
   */
  record Replay<T>(T existing) implements Verdict<T> {
    /** Requires the record. */
    public Replay {
      Objects.requireNonNull(existing, "existing");
    }
  }

  /**
   * Refused.
   *
   * @param reason the first fault in precedence order
   */
  record Reject<T>(PaymentRejection reason) implements Verdict<T> {
    /** Requires the reason. */
    public Reject {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
