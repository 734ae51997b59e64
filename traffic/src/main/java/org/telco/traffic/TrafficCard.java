package org.telco.traffic;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.telco.subscriber.Msisdn;

/**
 * A traffic card: data bought by one subscriber, to be bound once by a user (the buyer or anyone
 * the buyer hands the number to).
 *
 * @param id the card number
 * @param purchaseId the purchase that paid for it
 * @param productId the card product
 * @param purchaser who bought it
 * @param volumeBytes the data it carries
 * @param ratingGroups its directed information: the apps a non-designated user gets it for
 * @param state where it is
 * @param boundTo who bound it, else null
 * @param designated whether that user was designated (got it as general data)
 * @param boundAt when it was bound, else null
 * @param createdAt when it was created
 */
public record TrafficCard(
    CardId id,
    PurchaseId purchaseId,
    ProductId productId,
    Msisdn purchaser,
    long volumeBytes,
    SortedSet<RatingGroup> ratingGroups,
    CardState state,
    Msisdn boundTo,
    boolean designated,
    Instant boundAt,
    Instant createdAt) {
  /** Checks the volume, and that a bound card names its user and time, and no other does. */
  public TrafficCard {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(purchaseId, "purchaseId");
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(purchaser, "purchaser");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    ratingGroups = Collections.unmodifiableSortedSet(new TreeSet<>(ratingGroups));
    if (volumeBytes <= 0) {
      throw new IllegalArgumentException("a card carries a positive volume");
    }
    if ((state == CardState.BOUND) != (boundTo != null && boundAt != null)) {
      throw new IllegalArgumentException("a bound card, and only one, names its user and time");
    }
  }

  /** A new card of {@code product}, created by {@code purchase} at {@code at}, not yet paid. */
  public static TrafficCard created(
      CardId id, TrafficPurchase purchase, TrafficProduct product, Instant at) {
    return new TrafficCard(
        id,
        purchase.id(),
        product.id(),
        purchase.msisdn(),
        product.volumeBytes(),
        product.ratingGroups(),
        CardState.PENDING,
        null,
        false,
        null,
        at);
  }

  /** The apps the bucket of {@code designated} or not designated users pays for. */
  public SortedSet<RatingGroup> appsFor(boolean designatedUser) {
    return designatedUser ? Collections.emptySortedSet() : ratingGroups;
  }

  /** The bucket binding it to {@code user} creates. */
  public BucketId bucketFor(Msisdn user) {
    return BucketId.ofCard(id, user);
  }

  /** The transfer that issues its data into the bucket, {@code card-issue:<card>}. */
  public org.telco.ledger.TransferId dataTransferId() {
    return org.telco.subscriber.TransferIds.of("card-issue", id.value());
  }
}
