package org.telco.porting;

/** The reference store against the contract. */
class InMemoryPortingStoreTest extends PortingStoreContract {
  @Override
  protected PortingStore newStore() {
    return new InMemoryPortingStore();
  }
}
