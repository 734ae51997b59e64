package org.telco.payment;

/**
 * Collects money from payers and gives it back (port): a card acquirer, a wallet, a bank. Our
 * payment id is the provider's idempotency key, so asking twice for the same payment or refund
 * collects or returns the money once. A provider that cannot be reached throws; a provider that
 * says no answers {@link ProviderDecision.Declined}.
 */
public interface PaymentProvider {
  /** Authorizes and captures the payment in one step. */
  ProviderDecision capture(PaymentRequest request);

  /** Returns part or all of a captured payment to its payer. */
  ProviderDecision refund(Payment payment, Refund refund);
}
