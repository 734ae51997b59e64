package org.telco.traffic;

/** The reference store against the contract. */
class InMemoryBucketStoreTest extends BucketStoreContract {
  @Override
  protected BucketStore newStore() {
    return new InMemoryBucketStore();
  }
}
