package org.telco.subscriber;

/**
 * The caching store keeps the contract of the store it fronts, with a cache small enough to churn.
 */
class CachingSubscriberStoreTest extends SubscriberStoreContract {
  @Override
  protected SubscriberStore newStore() {
    return new CachingSubscriberStore(new InMemorySubscriberStore(), 2);
  }
}
