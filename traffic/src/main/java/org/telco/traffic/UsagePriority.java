package org.telco.traffic;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The order in which a subscriber's buckets pay for traffic. Each bucket has a priority number,
 * lowest first; ties go to the bucket that ends sooner, then to the older id, so the order is total
 * and every node computes the same one.
 */
public final class UsagePriority {
  /** Lowest priority first, then soonest end, then id. */
  public static final Comparator<Bucket> ORDER =
      Comparator.comparingInt(Bucket::priority)
          .thenComparing(Bucket::validUntil)
          .thenComparing(b -> b.id().value());

  private UsagePriority() {}

  /** Why a requested order is refused. */
  public enum Refusal {
    /** It names a bucket the subscriber has no live bucket with. */
    UNKNOWN_BUCKET,
    /** It names a bucket twice. */
    DUPLICATE_BUCKET,
    /** It leaves out one of the subscriber's live buckets. */
    MISSING_BUCKET
  }

  /**
   * Checks that {@code order} names each of the {@code live} buckets exactly once.
   *
   * @return the first problem found, or null when the order is good
   */
  public static Refusal check(List<Bucket> live, List<BucketId> order) {
    Set<BucketId> ids = new HashSet<>();
    for (Bucket bucket : live) {
      ids.add(bucket.id());
    }
    Set<BucketId> seen = new HashSet<>();
    for (BucketId id : order) {
      if (!ids.contains(id)) {
        return Refusal.UNKNOWN_BUCKET;
      }
      if (!seen.add(id)) {
        return Refusal.DUPLICATE_BUCKET;
      }
    }
    return seen.size() == ids.size() ? null : Refusal.MISSING_BUCKET;
  }

  /**
   * The buckets that may pay for traffic of {@code group} at {@code at}, in the order they pay:
   * usable now, paying for that app (directed buckets only for their own apps, general ones for
   * any), by priority.
   */
  public static List<Bucket> payersFor(
      List<Bucket> buckets, RatingGroup group, Instant at, ZoneId zone) {
    return buckets.stream()
        .filter(b -> b.usableAt(at, zone) && b.pays(group))
        .sorted(ORDER)
        .toList();
  }

  /** The priority a new bucket gets among {@code live}: before all or after all of them. */
  public static int placeFor(List<Bucket> live, boolean first) {
    if (live.isEmpty()) {
      return 0;
    }
    if (first) {
      return live.stream().mapToInt(Bucket::priority).min().orElseThrow() - 1;
    }
    return live.stream().mapToInt(Bucket::priority).max().orElseThrow() + 1;
  }
}
