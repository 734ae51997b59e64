package org.telco.traffic;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberState;

/**
 * Pre-authentication: may this subscriber buy this product now, and at what price? The balance is
 * not checked here: pre-deduction asks the ledger, which is the only place money is counted.
 */
public final class PurchaseRules {
  private PurchaseRules() {}

  /**
   * The first reason to refuse, in {@link PurchaseRefusal}'s order, or empty to go ahead.
   *
   * @param product the product asked for, empty if unknown
   * @param buyer the buyer, empty if unknown
   * @param live the buyer's live buckets
   * @param now the time of the purchase: a basic pack whose month has ended (closed a little later
   *     by the expiry sweep) no longer stands in the way of the next, its renewal
   */
  public static Optional<PurchaseRefusal> preAuthenticate(
      Optional<TrafficProduct> product,
      Optional<Subscriber> buyer,
      List<Bucket> live,
      Instant now) {
    if (product.isEmpty()) {
      return Optional.of(PurchaseRefusal.PRODUCT_UNKNOWN);
    }
    if (buyer.isEmpty()) {
      return Optional.of(PurchaseRefusal.SUBSCRIBER_UNKNOWN);
    }
    if (buyer.get().state() != SubscriberState.ACTIVE) {
      return Optional.of(PurchaseRefusal.NOT_IN_SERVICE);
    }
    if (product.get().kind() == ProductKind.BASIC_MONTHLY
        && live.stream()
            .anyMatch(b -> b.kind() == ProductKind.BASIC_MONTHLY && b.validUntil().isAfter(now))) {
      return Optional.of(PurchaseRefusal.BASIC_PACK_HELD);
    }
    return Optional.empty();
  }
}
