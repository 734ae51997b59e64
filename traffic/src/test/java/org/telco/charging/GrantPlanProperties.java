package org.telco.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.telco.ledger.TransferId;
import org.telco.traffic.Bucket;
import org.telco.traffic.BucketId;
import org.telco.traffic.NewBucket;
import org.telco.traffic.TrafficFixtures;

/**
 * Grant plans and usage splits over arbitrary balances: a grant never takes more than the quota,
 * than any bucket has, or than the money covers at the price; buckets pay in the order given, money
 * last; a grant short of the quota is the last one. Usage splits post exactly what was used, never
 * more than a reservation holds, and call the rest overuse.
 */
class GrantPlanProperties {
  private static final long MB = GrantPlan.MEGABYTE;

  @Property
  void aGrantStaysWithinTheQuotaTheBucketsAndTheMoney(
      @ForAll @LongRange(min = 1, max = 200_000_000) long quota,
      @ForAll @Size(max = 5) List<@LongRange(min = 0, max = 60_000_000) Long> available,
      @ForAll @LongRange(min = 0, max = 10_000) long moneyFen,
      @ForAll @LongRange(min = 0, max = 50) long fenPerMegabyte) {
    List<Payer> payers = payers(available);

    GrantPlan plan = GrantPlan.of(quota, payers, moneyFen, fenPerMegabyte);

    assertThat(plan.grantedBytes()).isLessThanOrEqualTo(quota);
    assertThat(plan.parts().stream().mapToLong(GrantPlan.Part::bytes).sum())
        .isEqualTo(plan.grantedBytes());
    long fromBuckets = 0;
    int previous = -1;
    for (GrantPlan.Part part : plan.parts()) {
      assertThat(part.bytes()).isPositive();
      if (part.bucket() == null) {
        assertThat(part.fen()).isLessThanOrEqualTo(moneyFen);
        assertThat(part.fen()).isEqualTo(GrantPlan.priceOf(part.bytes(), fenPerMegabyte));
        assertThat(part).as("money pays last").isEqualTo(plan.parts().getLast());
      } else {
        int index = indexOf(payers, part.bucket());
        assertThat(index).as("buckets in order").isGreaterThan(previous);
        previous = index;
        assertThat(part.bytes()).isLessThanOrEqualTo(payers.get(index).availableBytes());
        fromBuckets += part.bytes();
      }
    }
    long inBuckets = available.stream().mapToLong(Long::longValue).sum();
    assertThat(fromBuckets).isEqualTo(Math.min(quota, inBuckets));
    assertThat(plan.lastOfFunds()).isEqualTo(plan.grantedBytes() < quota);
    if (fenPerMegabyte == 0) {
      assertThat(plan.parts()).allMatch(p -> p.bucket() != null);
    }
  }

  @Property
  void aUsageSplitPostsWhatWasUsedAndNoMoreThanEachReservationHolds(
      @ForAll @Size(max = 4) List<@LongRange(min = 1, max = 20_000_000) Long> reserved,
      @ForAll @LongRange(min = 0, max = 100_000_000) long used) {
    List<Reservation> reservations = new ArrayList<>();
    for (int i = 0; i < reserved.size(); i++) {
      boolean money = i == reserved.size() - 1 && i > 0;
      reservations.add(
          new Reservation(
              new TransferId("r:" + i),
              org.telco.traffic.TrafficAccounts.bucketAccount(TrafficFixtures.ALICE_FAMILY, 2 + i),
              money ? null : new BucketId("b-" + i),
              reserved.get(i),
              money ? GrantPlan.priceOf(reserved.get(i), 20) : 0));
    }

    UsageSplit split = UsageSplit.of(reservations, used, 20);

    long posted = split.posts().stream().mapToLong(UsageSplit.Post::bytes).sum();
    assertThat(posted + split.overuseBytes()).isEqualTo(used);
    for (UsageSplit.Post post : split.posts()) {
      assertThat(post.bytes()).isBetween(0L, post.reservation().bytes());
      assertThat(post.fen()).isBetween(0L, post.reservation().fen());
    }
    assertThat(split.overuseBytes())
        .isEqualTo(Math.max(0, used - reserved.stream().mapToLong(Long::longValue).sum()));
  }

  @Property
  void moneyBuysOnlyTheBytesItCoversInFull(
      @ForAll @LongRange(min = 0, max = 1_000) long moneyFen,
      @ForAll @LongRange(min = 1, max = 99) long fenPerMegabyte) {
    GrantPlan plan = GrantPlan.of(1_000 * MB, List.of(), moneyFen, fenPerMegabyte);

    long bytes = plan.grantedBytes();
    assertThat(GrantPlan.priceOf(bytes, fenPerMegabyte)).isLessThanOrEqualTo(moneyFen);
    assertThat(GrantPlan.priceOf(bytes + 1, fenPerMegabyte))
        .as("one byte more")
        .isGreaterThan(moneyFen);
  }

  private static List<Payer> payers(List<Long> available) {
    List<Payer> payers = new ArrayList<>();
    for (int i = 0; i < available.size(); i++) {
      Bucket bucket =
          NewBucket.ofPack(
                  new BucketId("b-" + i),
                  TrafficFixtures.ALICE,
                  TrafficFixtures.ALICE_FAMILY,
                  TrafficFixtures.ADD_ON,
                  Instant.parse("2026-05-01T02:00:00Z"),
                  ZoneId.of("Asia/Shanghai"))
              .at(2 + i, i);
      payers.add(new Payer(bucket, available.get(i)));
    }
    return payers;
  }

  private static int indexOf(List<Payer> payers, Bucket bucket) {
    for (int i = 0; i < payers.size(); i++) {
      if (payers.get(i).bucket().id().equals(bucket.id())) {
        return i;
      }
    }
    return -1;
  }
}
