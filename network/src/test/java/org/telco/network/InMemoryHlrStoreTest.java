package org.telco.network;

/** Runs the HLR store contract against the reference implementation. */
class InMemoryHlrStoreTest extends HlrStoreContract {
  @Override
  protected HlrStore newStore() {
    return new InMemoryHlrStore();
  }
}
