package org.telco.traffic;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.telco.subscriber.Msisdn;

/**
 * Where buckets are kept (port). {@link InMemoryBucketStore} is the reference implementation; a
 * durable one passes the same contract suite. The store, not its caller, hands out bucket slots and
 * places in the usage priority, because two purchases of one subscriber may race for them.
 */
public interface BucketStore {
  /**
   * Creates the bucket in the lowest slot of its family that no live (PENDING or ACTIVE) bucket
   * holds, at the front of the owner's usage priority if its product is used first, else at the
   * back. A bucket with this id already stored is returned as it is (a retried step). Slots are
   * counted over the whole family, whoever owns the buckets in it; two creates racing in one family
   * never get one slot.
   *
   * @return the stored bucket, or empty when all 254 slots hold live buckets
   */
  Optional<Bucket> create(NewBucket bucket);

  /** The bucket with this id, in any state. */
  Optional<Bucket> find(BucketId id);

  /** The owner's live buckets (PENDING and ACTIVE), in usage priority: lowest priority first. */
  List<Bucket> liveOf(Msisdn msisdn);

  /**
   * Moves a bucket from {@code from} to {@code to} if it is still in {@code from}
   * (compare-and-set).
   *
   * @return whether it moved
   * @throws IllegalArgumentException when an ended bucket (VOIDED, EXPIRED) would live again: its
   *     slot may hold another bucket by now
   */
  boolean move(BucketId id, BucketState from, BucketState to);

  /**
   * Gives the owner's live buckets the priorities 0, 1, 2, ... in the order of {@code order}, which
   * must name each of them exactly once ({@link UsagePriority#check} says so first). Of two racing
   * reorders, both apply in some order and the later one wins whole.
   *
   * @return false when {@code order} is not exactly the owner's live buckets (nothing changed)
   */
  boolean reorder(Msisdn msisdn, List<BucketId> order);

  /**
   * ACTIVE buckets whose validity ended before {@code before}, oldest first, at most {@code limit}:
   * the expiry sweep empties and closes them.
   */
  List<Bucket> endedBefore(Instant before, int limit);
}
