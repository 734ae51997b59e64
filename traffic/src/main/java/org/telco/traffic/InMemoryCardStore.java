package org.telco.traffic;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.telco.subscriber.Msisdn;

/** The reference {@link CardStore}: a map under one lock. */
public final class InMemoryCardStore implements CardStore {
  private final Map<CardId, TrafficCard> cards = new LinkedHashMap<>();

  @Override
  public synchronized TrafficCard create(TrafficCard card) {
    if (card.state() != CardState.PENDING) {
      throw new IllegalArgumentException("a card starts PENDING");
    }
    Optional<TrafficCard> existing = ofPurchase(card.purchaseId());
    if (existing.isPresent()) {
      return existing.get();
    }
    if (cards.containsKey(card.id())) {
      throw new IllegalStateException("card number drawn twice: " + card.id());
    }
    cards.put(card.id(), card);
    return card;
  }

  @Override
  public synchronized Optional<TrafficCard> find(CardId id) {
    return Optional.ofNullable(cards.get(id));
  }

  @Override
  public synchronized Optional<TrafficCard> ofPurchase(PurchaseId id) {
    return cards.values().stream().filter(c -> c.purchaseId().equals(id)).findFirst();
  }

  @Override
  public synchronized boolean move(CardId id, CardState from, CardState to) {
    if (to == CardState.BOUND) {
      throw new IllegalArgumentException("bind a card with bind()");
    }
    if (from == CardState.BOUND) {
      throw new IllegalArgumentException("a bound card stays bound: " + id);
    }
    TrafficCard stored = cards.get(id);
    if (stored == null || stored.state() != from) {
      return false;
    }
    cards.put(id, with(stored, to, null, false, null));
    return true;
  }

  @Override
  public synchronized boolean bind(CardId id, Msisdn user, boolean designated, Instant at) {
    TrafficCard stored = cards.get(id);
    if (stored == null || stored.state() != CardState.UNBOUND) {
      return false;
    }
    cards.put(id, with(stored, CardState.BOUND, user, designated, at));
    return true;
  }

  @Override
  public synchronized List<TrafficCard> boughtBy(Msisdn purchaser) {
    return cards.values().stream()
        .filter(c -> c.purchaser().equals(purchaser))
        .sorted(
            Comparator.comparing(TrafficCard::createdAt)
                .reversed()
                .thenComparing(c -> c.id().value()))
        .toList();
  }

  private static TrafficCard with(
      TrafficCard c, CardState state, Msisdn user, boolean designated, Instant at) {
    return new TrafficCard(
        c.id(),
        c.purchaseId(),
        c.productId(),
        c.purchaser(),
        c.volumeBytes(),
        c.ratingGroups(),
        state,
        user,
        designated,
        at,
        c.createdAt());
  }
}
