package org.telco.traffic;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.telco.cache.ReadThroughCache;
import org.telco.subscriber.Msisdn;

/**
 * A {@link BucketStore} that keeps each subscriber's live buckets in memory, in front of the node's
 * durable store. Online charging reads them on every request, while they change only when a pack is
 * bought, a card bound, the priority reordered or a bucket ends; every such write goes through this
 * store, which forgets the owner's buckets once the write has committed ({@link ReadThroughCache}).
 * A bucket's bytes are not part of it (they are the ledger's balances), so charging itself never
 * writes here. Only valid while this node is the only writer of its buckets.
 */
public final class CachingBucketStore implements BucketStore {
  private final BucketStore store;
  private final ReadThroughCache<Msisdn, List<Bucket>> live;

  /** A store in front of {@code store}, keeping the buckets of at most {@code ownersMax} owners. */
  public CachingBucketStore(BucketStore store, int ownersMax) {
    this.store = store;
    this.live = new ReadThroughCache<>(ownersMax);
  }

  @Override
  public Optional<Bucket> create(NewBucket bucket) {
    try {
      return store.create(bucket);
    } finally {
      live.forget(bucket.msisdn());
    }
  }

  @Override
  public Optional<Bucket> find(BucketId id) {
    return store.find(id);
  }

  @Override
  public List<Bucket> liveOf(Msisdn msisdn) {
    return live.get(msisdn, owner -> Optional.of(store.liveOf(owner))).orElseThrow();
  }

  @Override
  public boolean move(BucketId id, BucketState from, BucketState to) {
    try {
      return store.move(id, from, to);
    } finally {
      store.find(id).ifPresentOrElse(bucket -> live.forget(bucket.msisdn()), live::forgetAll);
    }
  }

  @Override
  public boolean reorder(Msisdn msisdn, List<BucketId> order) {
    try {
      return store.reorder(msisdn, order);
    } finally {
      live.forget(msisdn);
    }
  }

  @Override
  public List<Bucket> endedBefore(Instant before, int limit) {
    return store.endedBefore(before, limit);
  }
}
