package org.telco.subscriber;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.telco.cache.ReadThroughCache;

/**
 * A {@link SubscriberStore} that keeps the subscribers it has read in memory, in front of the
 * node's durable store. Online charging reads the subscriber on every request, and a subscriber
 * changes a few times a month; every write goes through this store, which forgets the subscribers
 * it wrote once the write has committed ({@link ReadThroughCache}), so a reader never sees a
 * subscriber older than the last committed write. Only valid while this node is the only writer of
 * its subscribers, which it is: each node owns its database.
 */
public final class CachingSubscriberStore implements SubscriberStore {
  private final SubscriberStore store;
  private final ReadThroughCache<Msisdn, Subscriber> cache;

  /** A store in front of {@code store}, keeping at most {@code entriesMax} subscribers. */
  public CachingSubscriberStore(SubscriberStore store, int entriesMax) {
    this.store = store;
    this.cache = new ReadThroughCache<>(entriesMax);
  }

  @Override
  public SubscriberCreation create(Subscriber subscriber) {
    try {
      return store.create(subscriber);
    } finally {
      cache.forget(subscriber.msisdn());
    }
  }

  @Override
  public Optional<Subscriber> find(Msisdn msisdn) {
    return cache.get(msisdn, store::find);
  }

  @Override
  public Map<Msisdn, Subscriber> findAll(Collection<Msisdn> msisdns) {
    return new HashMap<>(store.findAll(msisdns));
  }

  @Override
  public List<SubscriberUpdateResult> updateAll(List<SubscriberUpdate> updates) {
    try {
      return store.updateAll(updates);
    } finally {
      updates.forEach(update -> cache.forget(update.subscriber().msisdn()));
    }
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
  public Map<SubscriberState, Long> countByState() {
    return store.countByState();
  }

  @Override
  public long nextFamilySerial() {
    return store.nextFamilySerial();
  }
}
