package org.telco.ledger;

/** Runs the store contract against the reference implementation. */
class InMemoryLedgerStoreTest extends LedgerStoreContract {
  @Override
  protected LedgerStore newStore() {
    return new InMemoryLedgerStore();
  }
}
