package org.telco.traffic;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.telco.subscriber.Msisdn;

/**
 * A bucket to create: everything but its slot and its place in the usage priority, which the store
 * assigns atomically ({@link BucketStore#create}).
 *
 * @param id the id, from what creates it
 * @param msisdn the owner
 * @param family the owner's account family, where the slot is taken
 * @param product the product it comes from
 * @param ratingGroups the apps it pays for (a product's, or a card's as bound), empty for any
 * @param volumeBytes the data it gets
 * @param validFrom when it starts
 * @param validUntil when it ends
 * @param state PENDING (a purchase) or ACTIVE (a bound card)
 */
public record NewBucket(
    BucketId id,
    Msisdn msisdn,
    long family,
    TrafficProduct product,
    SortedSet<RatingGroup> ratingGroups,
    long volumeBytes,
    Instant validFrom,
    Instant validUntil,
    BucketState state) {
  /** Checks the state. */
  public NewBucket {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(product, "product");
    ratingGroups = new TreeSet<>(ratingGroups);
    if (state != BucketState.PENDING && state != BucketState.ACTIVE) {
      throw new IllegalArgumentException("a bucket starts PENDING or ACTIVE");
    }
  }

  /** The bucket a pack purchase creates at {@code at}, pending until its money is taken. */
  public static NewBucket ofPack(
      BucketId id, Msisdn msisdn, long family, TrafficProduct pack, Instant at, ZoneId zone) {
    return new NewBucket(
        id,
        msisdn,
        family,
        pack,
        pack.ratingGroups(),
        pack.volumeBytes(),
        at,
        pack.validity().until(at, zone),
        BucketState.PENDING);
  }

  /** The bucket at {@code slot} and {@code priority}. */
  public Bucket at(int slot, int priority) {
    return new Bucket(
        id,
        msisdn,
        product.id(),
        product.kind(),
        TrafficAccounts.bucketAccount(family, slot),
        volumeBytes,
        ratingGroups,
        product.idleHours(),
        validFrom,
        validUntil,
        priority,
        state);
  }
}
