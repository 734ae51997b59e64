package org.telco.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.StateChange;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberCreation;
import org.telco.subscriber.SubscriberStore;
import org.telco.subscriber.SubscriberUpdate;
import org.telco.subscriber.SubscriberUpdateResult;

/**
 * A subscriber store with a step that runs once just before the next write, to pin the narrowest
 * interleavings of a race (a payment landing between a run's read and its write).
 */
public final class InterleavingSubscriberStore implements SubscriberStore {
  private final SubscriberStore store;
  private final AtomicReference<Runnable> before = new AtomicReference<>();

  public InterleavingSubscriberStore(SubscriberStore store) {
    this.store = store;
  }

  public void beforeNextUpdate(Runnable step) {
    before.set(step);
  }

  @Override
  public List<SubscriberUpdateResult> updateAll(List<SubscriberUpdate> updates) {
    Runnable step = before.getAndSet(null);
    if (step != null) {
      step.run();
    }
    return store.updateAll(updates);
  }

  @Override
  public SubscriberCreation create(Subscriber subscriber) {
    return store.create(subscriber);
  }

  @Override
  public Optional<Subscriber> find(Msisdn msisdn) {
    return store.find(msisdn);
  }

  @Override
  public List<StateChange> history(Msisdn msisdn) {
    return store.history(msisdn);
  }

  @Override
  public List<Subscriber> dueForCycle(Instant now, int limit) {
    return store.dueForCycle(now, limit);
  }

  @Override
  public List<Subscriber> numbersStartingWith(String digitsPrefix, int limit) {
    return store.numbersStartingWith(digitsPrefix, limit);
  }

  @Override
  public java.util.Map<org.telco.subscriber.SubscriberState, Long> countByState() {
    return store.countByState();
  }

  @Override
  public long nextFamilySerial() {
    return store.nextFamilySerial();
  }
}
