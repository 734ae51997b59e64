package org.telco.subscriber;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.telco.ledger.AccountId;

/**
 * The reference {@link SubscriberStore}: maps behind the store's monitor. It defines the behaviour
 * the durable store must match and serves tests and demos without a database.
 */
public final class InMemorySubscriberStore implements SubscriberStore {
  private final Map<Msisdn, Subscriber> subscribers = new HashMap<>();
  private final Map<Msisdn, List<StateChange>> histories = new HashMap<>();
  private final Set<AccountId> accounts = new HashSet<>();
  private long serial;

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the subscriber is not ACTIVE, or its accounts belong to
   *     another subscriber (a bug in the caller)
   */
  @Override
  public synchronized SubscriberCreation create(Subscriber subscriber) {
    Subscriber existing = subscribers.get(subscriber.msisdn());
    if (existing != null) {
      return new SubscriberCreation.MsisdnTaken(existing);
    }
    if (subscriber.state() != SubscriberState.ACTIVE) {
      throw new IllegalArgumentException("a new subscriber is ACTIVE, not " + subscriber.state());
    }
    if (accounts.contains(subscriber.moneyAccount())
        || accounts.contains(subscriber.arrearsAccount())) {
      throw new IllegalArgumentException("accounts of " + subscriber.msisdn() + " are taken");
    }
    Subscriber stored = subscriber.withVersion(0);
    subscribers.put(stored.msisdn(), stored);
    accounts.add(stored.moneyAccount());
    accounts.add(stored.arrearsAccount());
    List<StateChange> history = new ArrayList<>();
    history.add(StateChange.subscribed(stored.msisdn(), stored.createdAt()));
    histories.put(stored.msisdn(), history);
    return new SubscriberCreation.Created(stored);
  }

  @Override
  public synchronized Optional<Subscriber> find(Msisdn msisdn) {
    return Optional.ofNullable(subscribers.get(msisdn));
  }

  @Override
  public synchronized List<SubscriberUpdateResult> updateAll(List<SubscriberUpdate> updates) {
    Set<Msisdn> named = new HashSet<>();
    for (SubscriberUpdate update : updates) {
      if (!named.add(update.subscriber().msisdn())) {
        throw new IllegalArgumentException("two updates of " + update.subscriber().msisdn());
      }
    }
    List<SubscriberUpdateResult> results = new ArrayList<>(updates.size());
    for (SubscriberUpdate update : updates) {
      results.add(apply(update));
    }
    return results;
  }

  private SubscriberUpdateResult apply(SubscriberUpdate update) {
    Subscriber next = update.subscriber();
    Subscriber stored = subscribers.get(next.msisdn());
    if (stored == null) {
      return new SubscriberUpdateResult.NotFound(next.msisdn());
    }
    if (stored.version() != next.version()) {
      return new SubscriberUpdateResult.Stale(next.msisdn(), stored.version());
    }
    Subscriber written =
        stored
            .withPlan(next.planId())
            .withState(next.state())
            .withPassword(next.password())
            .withNextCycleAt(next.nextCycleAt())
            .withVersion(stored.version() + 1);
    subscribers.put(written.msisdn(), written);
    histories.get(written.msisdn()).addAll(update.changes());
    return new SubscriberUpdateResult.Updated(written);
  }

  @Override
  public synchronized List<StateChange> history(Msisdn msisdn) {
    return List.copyOf(histories.getOrDefault(msisdn, List.of()));
  }

  @Override
  public synchronized List<Subscriber> dueForCycle(Instant now, int limit) {
    return subscribers.values().stream()
        .filter(s -> s.state().inService() && !s.nextCycleAt().isAfter(now))
        .sorted(Comparator.comparing(Subscriber::nextCycleAt).thenComparing(Subscriber::msisdn))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<Subscriber> numbersStartingWith(String digitsPrefix, int limit) {
    return subscribers.values().stream()
        .filter(s -> s.msisdn().digits().startsWith(digitsPrefix))
        .sorted(Comparator.comparing(Subscriber::msisdn))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized Map<SubscriberState, Long> countByState() {
    Map<SubscriberState, Long> counts = new java.util.EnumMap<>(SubscriberState.class);
    subscribers.values().forEach(s -> counts.merge(s.state(), 1L, Long::sum));
    return counts;
  }

  @Override
  public synchronized long nextFamilySerial() {
    return serial++;
  }
}
