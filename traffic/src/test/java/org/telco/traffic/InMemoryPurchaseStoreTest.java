package org.telco.traffic;

/** The reference store against the contract. */
class InMemoryPurchaseStoreTest extends PurchaseStoreContract {
  @Override
  protected PurchaseStore newStore() {
    return new InMemoryPurchaseStore();
  }
}
