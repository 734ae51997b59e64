package org.telco.traffic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reference {@link PurchaseStore}: maps under one lock. */
public final class InMemoryPurchaseStore implements PurchaseStore {
  private final Map<PurchaseId, TrafficPurchase> purchases = new HashMap<>();
  private final Map<PurchaseId, List<StepRecord>> steps = new HashMap<>();

  @Override
  public synchronized Opening open(TrafficPurchase purchase) {
    if (purchase.step() != PurchaseStep.PRE_AUTHENTICATED) {
      throw new IllegalArgumentException("a purchase opens at PRE_AUTHENTICATED");
    }
    TrafficPurchase stored = purchases.get(purchase.id());
    if (stored != null) {
      return stored.sameRequestAs(purchase) ? Opening.REPLAYED : Opening.CONFLICT;
    }
    purchases.put(purchase.id(), purchase);
    record(purchase.id(), PurchaseStep.PRE_AUTHENTICATED, purchase.createdAt(), "");
    return Opening.OPENED;
  }

  @Override
  public synchronized Optional<TrafficPurchase> find(PurchaseId id) {
    return Optional.ofNullable(purchases.get(id));
  }

  @Override
  public synchronized boolean advance(PurchaseId id, PurchaseStep from, Instant at, CardId cardId) {
    TrafficPurchase stored = purchases.get(id);
    if (stored == null || stored.step() != from || from.isFinal()) {
      return false;
    }
    PurchaseStep to = from.next();
    purchases.put(
        id,
        new TrafficPurchase(
            id,
            stored.msisdn(),
            stored.productId(),
            stored.priceFen(),
            to,
            null,
            cardId != null ? cardId : stored.cardId(),
            stored.createdAt(),
            stored.expiresAt(),
            at));
    record(id, to, at, cardId == null ? "" : "card " + cardId.value());
    return true;
  }

  @Override
  public synchronized boolean voidAt(
      PurchaseId id, PurchaseStep from, VoidReason reason, Instant at) {
    TrafficPurchase stored = purchases.get(id);
    if (stored == null || stored.step() != from || from.isFinal()) {
      return false;
    }
    purchases.put(
        id,
        new TrafficPurchase(
            id,
            stored.msisdn(),
            stored.productId(),
            stored.priceFen(),
            PurchaseStep.VOIDED,
            reason,
            stored.cardId(),
            stored.createdAt(),
            stored.expiresAt(),
            at));
    record(id, PurchaseStep.VOIDED, at, reason.code());
    return true;
  }

  @Override
  public synchronized List<StepRecord> steps(PurchaseId id) {
    return List.copyOf(steps.getOrDefault(id, List.of()));
  }

  @Override
  public synchronized List<TrafficPurchase> abandoned(Instant now, int limit) {
    List<TrafficPurchase> due = new ArrayList<>();
    for (TrafficPurchase p : purchases.values()) {
      if (!p.step().isFinal() && !p.expiresAt().isAfter(now)) {
        due.add(p);
      }
    }
    due.sort(Comparator.comparing(TrafficPurchase::expiresAt).thenComparing(p -> p.id().value()));
    return List.copyOf(due.subList(0, Math.min(limit, due.size())));
  }

  private void record(PurchaseId id, PurchaseStep step, Instant at, String detail) {
    steps.computeIfAbsent(id, k -> new ArrayList<>()).add(new StepRecord(step, at, detail));
  }
}
