package org.telco.payment;

import java.util.Objects;

/** What a payment provider answered. */
public sealed interface ProviderDecision {
  /**
   * The money moved.
   *
   * @param reference the provider's own id for the operation, for reconciliation
   */
  record Approved(String reference) implements ProviderDecision {
    /** Requires the reference. */
    public Approved {
      Objects.requireNonNull(reference, "reference");
    }
  }

  /**
   * The provider refused; no money moved.
   *
   * @param reason why
   */
  record Declined(DeclineReason reason) implements ProviderDecision {
    /** Requires the reason. */
    public Declined {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
