package org.telco.traffic;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.telco.ledger.AccountId;
import org.telco.subscriber.Msisdn;

/**
 * A subscriber's data bucket: the data of one pack or one bound card, in a ledger account of its
 * own. Its balance is not here: the ledger counts it. A bucket with rating groups is
 * <b>directed</b> and pays only for those apps; one without is <b>general</b> and pays for any.
 *
 * @param id the id, from what created it
 * @param msisdn the owner
 * @param productId the product it came from
 * @param kind that product's kind
 * @param account its ledger account (a bucket slot of the owner's family)
 * @param volumeBytes the data issued into it
 * @param ratingGroups the apps it pays for, empty for any
 * @param idleHours when it may be used, null for always
 * @param validFrom when it was created
 * @param validUntil when it stops being usable
 * @param priority its place in the owner's usage priority: lower is used first
 * @param state where it is in its life
 */
public record Bucket(
    BucketId id,
    Msisdn msisdn,
    ProductId productId,
    ProductKind kind,
    AccountId account,
    long volumeBytes,
    SortedSet<RatingGroup> ratingGroups,
    IdleHours idleHours,
    Instant validFrom,
    Instant validUntil,
    int priority,
    BucketState state) {
  /** Checks that nothing is missing and the validity is not empty. */
  public Bucket {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(msisdn, "msisdn");
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validUntil, "validUntil");
    Objects.requireNonNull(state, "state");
    ratingGroups = Collections.unmodifiableSortedSet(new TreeSet<>(ratingGroups));
    if (volumeBytes <= 0) {
      throw new IllegalArgumentException("a bucket holds a positive volume");
    }
    if (!validUntil.isAfter(validFrom)) {
      throw new IllegalArgumentException("a bucket is valid for some time");
    }
  }

  /** Whether it pays only for named apps. */
  public boolean isDirected() {
    return !ratingGroups.isEmpty();
  }

  /** Whether it may pay for traffic of {@code group}: general buckets pay for any app. */
  public boolean pays(RatingGroup group) {
    return ratingGroups.isEmpty() || ratingGroups.contains(group);
  }

  /** Whether it may be drawn from at {@code at}: active, within validity and idle hours. */
  public boolean usableAt(Instant at, ZoneId zone) {
    return state == BucketState.ACTIVE
        && !at.isBefore(validFrom)
        && at.isBefore(validUntil)
        && (idleHours == null || idleHours.contains(at, zone));
  }

  /** The latest a grant drawn from it at {@code at} may stay valid. */
  public Instant usableUntil(Instant at, ZoneId zone) {
    if (idleHours == null) {
      return validUntil;
    }
    Instant closing = idleHours.closingAfter(at, zone);
    return closing.isBefore(validUntil) ? closing : validUntil;
  }

  /** Its bucket slot in the owner's account family. */
  public int slot() {
    return (int) (account.value() & 0xFF);
  }

  /** This bucket in another state. */
  public Bucket withState(BucketState next) {
    return new Bucket(
        id,
        msisdn,
        productId,
        kind,
        account,
        volumeBytes,
        ratingGroups,
        idleHours,
        validFrom,
        validUntil,
        priority,
        next);
  }

  /** This bucket at another place in the usage priority. */
  public Bucket withPriority(int next) {
    return new Bucket(
        id,
        msisdn,
        productId,
        kind,
        account,
        volumeBytes,
        ratingGroups,
        idleHours,
        validFrom,
        validUntil,
        next,
        state);
  }
}
