package org.telco.credit;

/** The advance store contract on the reference implementation. */
class InMemoryAdvanceStoreTest extends AdvanceStoreContract {
  @Override
  protected AdvanceStore newStore() {
    return new InMemoryAdvanceStore();
  }
}
