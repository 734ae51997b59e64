package org.telco.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telco.traffic.TrafficFixtures.ADD_ON;
import static org.telco.traffic.TrafficFixtures.ALICE;
import static org.telco.traffic.TrafficFixtures.ALICE_FAMILY;
import static org.telco.traffic.TrafficFixtures.BOB;
import static org.telco.traffic.TrafficFixtures.BOB_FAMILY;
import static org.telco.traffic.TrafficFixtures.CARD;
import static org.telco.traffic.TrafficFixtures.DIRECTED;
import static org.telco.traffic.TrafficFixtures.IDLE;
import static org.telco.traffic.TrafficFixtures.T0;
import static org.telco.traffic.TrafficFixtures.alicesPack;
import static org.telco.traffic.TrafficFixtures.newBucket;
import static org.telco.traffic.TrafficFixtures.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BucketStore} does; each implementation's test extends it. The store hands out
 * slots and places in the usage priority, so the races between a subscriber's purchases are its to
 * decide.
 */
public abstract class BucketStoreContract {
  private static final BucketId UNKNOWN = new BucketId("purchase:nobody");

  private BucketStore store;

  /** A new, empty store. */
  protected abstract BucketStore newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @Test
  void aBucketTakesTheLowestFreeSlotOfItsFamilyAndReadsBackAsStored() {
    Bucket pack = store.create(alicesPack("purchase:p1")).orElseThrow();
    Bucket apps =
        store
            .create(
                newBucket("purchase:p2", ALICE, ALICE_FAMILY, DIRECTED, 20, BucketState.PENDING))
            .orElseThrow();
    Bucket night =
        store
            .create(newBucket("purchase:p3", ALICE, ALICE_FAMILY, IDLE, 10, BucketState.ACTIVE))
            .orElseThrow();

    assertThat(List.of(pack.slot(), apps.slot(), night.slot())).containsExactly(2, 3, 4);
    assertThat(pack.account()).isEqualTo(TrafficAccounts.bucketAccount(ALICE_FAMILY, 2));
    assertThat(pack.state()).isEqualTo(BucketState.PENDING);
    assertThat(apps.ratingGroups()).containsExactlyElementsOf(DIRECTED.ratingGroups());
    assertThat(night.idleHours()).isEqualTo(IDLE.idleHours());
    assertThat(night.state()).isEqualTo(BucketState.ACTIVE);
    assertThat(store.find(pack.id())).contains(pack);
    assertThat(store.find(apps.id())).contains(apps);
    assertThat(store.find(night.id())).contains(night);
    assertThat(store.find(UNKNOWN)).isEmpty();
  }

  @Test
  void aRetriedCreateReturnsTheBucketAsItIsStored() {
    Bucket first = store.create(alicesPack("purchase:p1")).orElseThrow();
    store.move(first.id(), BucketState.PENDING, BucketState.ACTIVE);

    Optional<Bucket> again = store.create(alicesPack("purchase:p1"));

    assertThat(again).contains(first.withState(BucketState.ACTIVE));
    assertThat(store.liveOf(ALICE)).hasSize(1);
  }

  @Test
  void anEndedBucketFreesItsSlotForTheNextOne() {
    Bucket a = store.create(alicesPack("purchase:a")).orElseThrow();
    Bucket b = store.create(alicesPack("purchase:b")).orElseThrow();
    Bucket c = store.create(alicesPack("purchase:c")).orElseThrow();
    store.move(b.id(), BucketState.PENDING, BucketState.VOIDED);
    store.move(a.id(), BucketState.PENDING, BucketState.ACTIVE);
    store.move(a.id(), BucketState.ACTIVE, BucketState.EXPIRED);

    assertThat(store.create(alicesPack("purchase:d")).orElseThrow().slot()).isEqualTo(a.slot());
    assertThat(store.create(alicesPack("purchase:e")).orElseThrow().slot()).isEqualTo(b.slot());
    assertThat(store.create(alicesPack("purchase:f")).orElseThrow().slot()).isEqualTo(c.slot() + 1);
    assertThat(store.find(b.id()).orElseThrow().state()).isEqualTo(BucketState.VOIDED);
  }

  @Test
  void slotsAreCountedOverTheFamilyWhoeverOwnsTheBuckets() {
    store.create(newBucket("purchase:b1", BOB, BOB_FAMILY, ADD_ON, 30, BucketState.ACTIVE));
    store.create(alicesPack("purchase:a1"));
    // A number that changed owner keeps nothing of the old family; one family has one slot space.
    store.create(newBucket("purchase:x1", BOB, ALICE_FAMILY, ADD_ON, 30, BucketState.ACTIVE));

    assertThat(store.create(alicesPack("purchase:a2")).orElseThrow().slot()).isEqualTo(4);
    assertThat(
            store
                .create(newBucket("purchase:b2", BOB, BOB_FAMILY, ADD_ON, 30, BucketState.ACTIVE))
                .orElseThrow()
                .slot())
        .isEqualTo(3);
  }

  @Test
  void aFamilyHoldsAtMost254LiveBuckets() {
    for (int i = 0; i < 254; i++) {
      assertThat(store.create(alicesPack("purchase:p" + i))).isPresent();
    }
    assertThat(store.create(alicesPack("purchase:full"))).isEmpty();
    assertThat(store.find(new BucketId("purchase:full"))).isEmpty();

    Bucket freed = store.find(new BucketId("purchase:p100")).orElseThrow();
    store.move(freed.id(), BucketState.PENDING, BucketState.VOIDED);
    assertThat(store.create(alicesPack("purchase:full")).orElseThrow().slot())
        .isEqualTo(freed.slot());
    assertThat(store.liveOf(ALICE)).hasSize(254);
  }

  @Test
  void aProductUsedFirstGoesToTheFrontAndOthersToTheBack() {
    Bucket pack = store.create(alicesPack("purchase:p1")).orElseThrow();
    Bucket apps =
        store
            .create(newBucket("purchase:p2", ALICE, ALICE_FAMILY, DIRECTED, 40, BucketState.ACTIVE))
            .orElseThrow();
    Bucket card =
        store
            .create(newBucket("card:c1", ALICE, ALICE_FAMILY, CARD, 50, BucketState.ACTIVE))
            .orElseThrow();
    Bucket night =
        store
            .create(newBucket("purchase:p3", ALICE, ALICE_FAMILY, IDLE, 60, BucketState.PENDING))
            .orElseThrow();

    assertThat(pack.priority()).isLessThan(apps.priority());
    assertThat(card.priority()).isLessThan(pack.priority());
    assertThat(night.priority()).isGreaterThan(apps.priority());
    assertThat(store.liveOf(ALICE))
        .extracting(Bucket::id)
        .containsExactly(card.id(), pack.id(), apps.id(), night.id());
  }

  @Test
  void liveOfListsTheOwnersPendingAndActiveBucketsOnly() {
    Bucket pending = store.create(alicesPack("purchase:p1")).orElseThrow();
    Bucket active = store.create(alicesPack("purchase:p2")).orElseThrow();
    Bucket voided = store.create(alicesPack("purchase:p3")).orElseThrow();
    Bucket expired = store.create(alicesPack("purchase:p4")).orElseThrow();
    store.create(newBucket("purchase:b1", BOB, BOB_FAMILY, ADD_ON, 30, BucketState.ACTIVE));
    store.move(active.id(), BucketState.PENDING, BucketState.ACTIVE);
    store.move(voided.id(), BucketState.PENDING, BucketState.VOIDED);
    store.move(expired.id(), BucketState.PENDING, BucketState.ACTIVE);
    store.move(expired.id(), BucketState.ACTIVE, BucketState.EXPIRED);

    assertThat(store.liveOf(ALICE)).containsExactly(pending, active.withState(BucketState.ACTIVE));
    assertThat(store.liveOf(new org.telco.subscriber.Msisdn("8613800000099"))).isEmpty();
  }

  @Test
  void aMoveIsACompareAndSetAndAnEndedBucketStaysEnded() {
    Bucket bucket = store.create(alicesPack("purchase:p1")).orElseThrow();

    assertThat(store.move(bucket.id(), BucketState.ACTIVE, BucketState.EXPIRED)).isFalse();
    assertThat(store.move(bucket.id(), BucketState.PENDING, BucketState.ACTIVE)).isTrue();
    assertThat(store.move(bucket.id(), BucketState.PENDING, BucketState.VOIDED)).isFalse();
    assertThat(store.find(bucket.id())).contains(bucket.withState(BucketState.ACTIVE));
    assertThat(store.move(UNKNOWN, BucketState.PENDING, BucketState.ACTIVE)).isFalse();
    assertThat(store.move(bucket.id(), BucketState.ACTIVE, BucketState.EXPIRED)).isTrue();
    assertThatThrownBy(() -> store.move(bucket.id(), BucketState.EXPIRED, BucketState.ACTIVE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(bucket.id()).orElseThrow().state()).isEqualTo(BucketState.EXPIRED);
  }

  @Test
  void ofRacingMovesFromOneStateExactlyOneWins() throws Exception {
    Bucket bucket = store.create(alicesPack("purchase:p1")).orElseThrow();

    List<Boolean> moves =
        race(
            6,
            i ->
                store.move(
                    bucket.id(),
                    BucketState.PENDING,
                    i % 2 == 0 ? BucketState.ACTIVE : BucketState.VOIDED));

    assertThat(moves).filteredOn(moved -> moved).hasSize(1);
    BucketState winner = moves.indexOf(true) % 2 == 0 ? BucketState.ACTIVE : BucketState.VOIDED;
    assertThat(store.find(bucket.id()).orElseThrow().state()).isEqualTo(winner);
  }

  @Test
  void aReorderNumbersTheLiveBucketsInTheOrderNamed() {
    Bucket a = store.create(alicesPack("purchase:a")).orElseThrow();
    Bucket b = store.create(alicesPack("purchase:b")).orElseThrow();
    Bucket c = store.create(alicesPack("purchase:c")).orElseThrow();
    Bucket bobs =
        store
            .create(newBucket("purchase:x", BOB, BOB_FAMILY, ADD_ON, 30, BucketState.ACTIVE))
            .orElseThrow();

    assertThat(store.reorder(ALICE, List.of(c.id(), a.id(), b.id()))).isTrue();

    assertThat(store.liveOf(ALICE))
        .extracting(Bucket::id, Bucket::priority)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(c.id(), 0),
            org.assertj.core.groups.Tuple.tuple(a.id(), 1),
            org.assertj.core.groups.Tuple.tuple(b.id(), 2));
    assertThat(store.find(bobs.id())).contains(bobs);
  }

  @Test
  void aReorderThatIsNotExactlyTheLiveBucketsChangesNothing() {
    Bucket a = store.create(alicesPack("purchase:a")).orElseThrow();
    Bucket b = store.create(alicesPack("purchase:b")).orElseThrow();
    Bucket ended = store.create(alicesPack("purchase:c")).orElseThrow();
    store.move(ended.id(), BucketState.PENDING, BucketState.VOIDED);
    List<Bucket> before = store.liveOf(ALICE);

    assertThat(store.reorder(ALICE, List.of(b.id()))).isFalse();
    assertThat(store.reorder(ALICE, List.of(b.id(), a.id(), b.id()))).isFalse();
    assertThat(store.reorder(ALICE, List.of(b.id(), a.id(), ended.id()))).isFalse();
    assertThat(store.reorder(ALICE, List.of(b.id(), UNKNOWN))).isFalse();
    assertThat(store.reorder(BOB, List.of(a.id(), b.id()))).isFalse();
    assertThat(store.liveOf(ALICE)).isEqualTo(before);
    assertThat(store.reorder(BOB, List.of())).isTrue();
  }

  @Test
  void ofTwoRacingReordersTheLaterWinsWhole() throws Exception {
    List<BucketId> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ids.add(store.create(alicesPack("purchase:p" + i)).orElseThrow().id());
    }
    List<BucketId> forward = List.copyOf(ids);
    List<BucketId> backward = forward.reversed();

    for (int round = 0; round < 20; round++) {
      List<Boolean> done = race(2, i -> store.reorder(ALICE, i == 0 ? forward : backward));

      assertThat(done).containsOnly(true);
      List<BucketId> order = store.liveOf(ALICE).stream().map(Bucket::id).toList();
      assertThat(order).isIn(forward, backward);
      assertThat(store.liveOf(ALICE))
          .extracting(Bucket::priority)
          .containsExactly(0, 1, 2, 3, 4, 5);
    }
  }

  @Test
  void racingCreatesForOneSubscriberNeverShareASlot() throws Exception {
    List<Bucket> created = race(8, i -> store.create(alicesPack("purchase:p" + i)).orElseThrow());

    assertThat(created).extracting(Bucket::slot).doesNotHaveDuplicates();
    assertThat(created).extracting(Bucket::slot).containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(store.liveOf(ALICE)).containsExactlyInAnyOrderElementsOf(created);
  }

  @Test
  void racingRetriesOfOneBucketStoreItOnce() throws Exception {
    List<Bucket> created = race(6, () -> store.create(alicesPack("purchase:p1")).orElseThrow());

    assertThat(created).containsOnly(created.getFirst());
    assertThat(store.liveOf(ALICE)).containsExactly(created.getFirst());
  }

  @Test
  void endedBeforeListsActiveBucketsPastTheirValidityOldestFirst() {
    List<Bucket> buckets = new ArrayList<>();
    int[] days = {3, 1, 2, 5, 1};
    for (int i = 0; i < days.length; i++) {
      buckets.add(
          store
              .create(
                  newBucket(
                      "purchase:p" + i, ALICE, ALICE_FAMILY, ADD_ON, days[i], BucketState.ACTIVE))
              .orElseThrow());
    }
    Bucket pending =
        store
            .create(newBucket("purchase:q", BOB, BOB_FAMILY, ADD_ON, 1, BucketState.PENDING))
            .orElseThrow();
    store.move(buckets.get(2).id(), BucketState.ACTIVE, BucketState.EXPIRED);
    java.time.Instant day3 = T0.plusSeconds(3 * 86_400L);

    assertThat(store.endedBefore(day3, 10))
        .extracting(Bucket::id)
        .containsExactly(buckets.get(1).id(), buckets.get(4).id());
    assertThat(store.endedBefore(day3.plusSeconds(1), 10))
        .extracting(Bucket::id)
        .containsExactly(buckets.get(1).id(), buckets.get(4).id(), buckets.get(0).id());
    assertThat(store.endedBefore(day3, 1))
        .extracting(Bucket::id)
        .containsExactly(buckets.get(1).id());
    assertThat(store.endedBefore(T0, 10)).isEmpty();
    assertThat(store.endedBefore(day3, 10)).doesNotContain(pending);
  }
}
