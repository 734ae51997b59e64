package org.telco.traffic;

/** The reference store against the contract. */
class InMemoryCardStoreTest extends CardStoreContract {
  @Override
  protected CardStore newStore() {
    return new InMemoryCardStore();
  }
}
