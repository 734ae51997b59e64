package org.telco.subscriber;

/** Runs the subscriber store contract against the reference implementation. */
class InMemorySubscriberStoreTest extends SubscriberStoreContract {
  @Override
  protected SubscriberStore newStore() {
    return new InMemorySubscriberStore();
  }
}
