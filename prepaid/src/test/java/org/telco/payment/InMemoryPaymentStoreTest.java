package org.telco.payment;

/** Runs the payment store contract against the reference implementation. */
class InMemoryPaymentStoreTest extends PaymentStoreContract {
  @Override
  protected PaymentStore newStore() {
    return new InMemoryPaymentStore();
  }
}
