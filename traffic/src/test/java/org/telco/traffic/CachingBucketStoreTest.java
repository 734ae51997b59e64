package org.telco.traffic;

/**
 * The caching store keeps the contract of the store it fronts, with a cache small enough to churn.
 */
class CachingBucketStoreTest extends BucketStoreContract {
  @Override
  protected BucketStore newStore() {
    return new CachingBucketStore(new InMemoryBucketStore(), 2);
  }
}
