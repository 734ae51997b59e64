package org.telco.traffic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.SubscriberAccounts;

/** The reference {@link BucketStore}: a map under one lock. */
public final class InMemoryBucketStore implements BucketStore {
  private final Map<BucketId, Bucket> buckets = new LinkedHashMap<>();

  @Override
  public synchronized Optional<Bucket> create(NewBucket request) {
    Bucket existing = buckets.get(request.id());
    if (existing != null) {
      return Optional.of(existing);
    }
    // Slots belong to the account family, priorities to the owner.
    Set<Integer> taken = new HashSet<>();
    for (Bucket b : buckets.values()) {
      if (isLive(b) && SubscriberAccounts.family(b.account()) == request.family()) {
        taken.add(b.slot());
      }
    }
    List<Bucket> live = liveOf(request.msisdn());
    for (int slot = TrafficAccounts.FIRST_BUCKET_SLOT;
        slot <= TrafficAccounts.LAST_BUCKET_SLOT;
        slot++) {
      if (!taken.contains(slot)) {
        Bucket created =
            request.at(slot, UsagePriority.placeFor(live, request.product().usedFirst()));
        buckets.put(created.id(), created);
        return Optional.of(created);
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized Optional<Bucket> find(BucketId id) {
    return Optional.ofNullable(buckets.get(id));
  }

  @Override
  public synchronized List<Bucket> liveOf(Msisdn msisdn) {
    return buckets.values().stream()
        .filter(b -> b.msisdn().equals(msisdn) && isLive(b))
        .sorted(UsagePriority.ORDER)
        .toList();
  }

  @Override
  public synchronized boolean move(BucketId id, BucketState from, BucketState to) {
    if (!isLive(from) && isLive(to)) {
      throw new IllegalArgumentException("an ended bucket does not live again: " + id);
    }
    Bucket stored = buckets.get(id);
    if (stored == null || stored.state() != from) {
      return false;
    }
    buckets.put(id, stored.withState(to));
    return true;
  }

  @Override
  public synchronized boolean reorder(Msisdn msisdn, List<BucketId> order) {
    if (UsagePriority.check(liveOf(msisdn), order) != null) {
      return false;
    }
    for (int i = 0; i < order.size(); i++) {
      BucketId id = order.get(i);
      buckets.put(id, buckets.get(id).withPriority(i));
    }
    return true;
  }

  @Override
  public synchronized List<Bucket> endedBefore(Instant before, int limit) {
    List<Bucket> ended = new ArrayList<>();
    for (Bucket b : buckets.values()) {
      if (b.state() == BucketState.ACTIVE && b.validUntil().isBefore(before)) {
        ended.add(b);
      }
    }
    ended.sort(Comparator.comparing(Bucket::validUntil).thenComparing(b -> b.id().value()));
    return List.copyOf(ended.subList(0, Math.min(limit, ended.size())));
  }

  private static boolean isLive(Bucket b) {
    return isLive(b.state());
  }

  private static boolean isLive(BucketState state) {
    return state == BucketState.PENDING || state == BucketState.ACTIVE;
  }
}
