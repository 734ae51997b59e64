package org.telco.charging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telco.traffic.TrafficFixtures.ALICE;
import static org.telco.traffic.TrafficFixtures.ALICE_FAMILY;
import static org.telco.traffic.TrafficFixtures.BOB;
import static org.telco.traffic.TrafficFixtures.BOB_FAMILY;
import static org.telco.traffic.TrafficFixtures.MUSIC;
import static org.telco.traffic.TrafficFixtures.T0;
import static org.telco.traffic.TrafficFixtures.VIDEO;
import static org.telco.traffic.TrafficFixtures.race;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telco.ledger.TransferId;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.traffic.BucketId;
import org.telco.traffic.RatingGroup;
import org.telco.traffic.TrafficAccounts;

/**
 * What every {@link SessionStore} does; each implementation's test extends it. A save is a
 * compare-and-set on the session's sequence that writes the session and the usage it reports
 * together, so a retransmitted or stale request never counts twice.
 */
public abstract class SessionStoreContract {
  private static final RatingGroup WEB = new RatingGroup(0);
  private static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);
  private static final LocalDate MAY_2 = MAY_1.plusDays(1);
  private static final LocalDate MAY_3 = MAY_1.plusDays(2);

  private SessionStore store;

  /** A new, empty store. */
  protected abstract SessionStore newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  private static ChargingSession session(String ref, Msisdn msisdn, long family, Instant at) {
    return new ChargingSession(
        new ChargingRef(ref),
        msisdn,
        family,
        "http://smf.example/notify/" + ref,
        SessionState.OPEN,
        0,
        "{\"invocationSequenceNumber\":0}",
        Map.of(),
        at,
        at);
  }

  private static Reservation fromBucket(String id, int slot, long bytes) {
    return new Reservation(
        new TransferId("data-used:" + id),
        TrafficAccounts.bucketAccount(ALICE_FAMILY, slot),
        new BucketId("purchase:" + id),
        bytes,
        0);
  }

  private static Reservation fromMoney(String id, long bytes, long fen) {
    return new Reservation(
        new TransferId("data-payg:" + id),
        SubscriberAccounts.money(ALICE_FAMILY),
        null,
        bytes,
        fen);
  }

  private static ChargingSession held(ChargingSession session, long sequence) {
    Map<RatingGroup, List<Reservation>> held =
        Map.of(
            VIDEO,
            List.of(fromBucket("b", 3, 5_000_000), fromBucket("a", 2, 1_000), fromMoney("m", 7, 1)),
            WEB,
            List.of(fromMoney("w", 1_000_000, 100)),
            MUSIC,
            List.of());
    return session.after(
        sequence, "answer " + sequence, held, SessionState.OPEN, T0.plusSeconds(sequence));
  }

  private static DailyUsage used(LocalDate day, RatingGroup group, long bytes) {
    return new DailyUsage(day, group, bytes);
  }

  @Test
  void aSessionReadsBackAsStoredWithItsReservationsInOrder() {
    ChargingSession fresh = session("ref-0001", ALICE, ALICE_FAMILY, T0);
    ChargingSession bare =
        new ChargingSession(
            new ChargingRef("ref-0002"),
            BOB,
            BOB_FAMILY,
            null,
            SessionState.OPEN,
            7,
            "",
            Map.of(),
            T0,
            T0);
    store.create(fresh);
    store.create(bare);

    assertThat(store.find(fresh.ref())).contains(fresh);
    assertThat(store.find(bare.ref())).contains(bare);
    assertThat(store.find(new ChargingRef("ref-9999"))).isEmpty();

    ChargingSession next = held(fresh, 1);
    assertThat(store.save(next, 0, List.of())).isTrue();
    ChargingSession stored = store.find(fresh.ref()).orElseThrow();
    assertThat(stored).isEqualTo(next);
    assertThat(stored.heldFor(VIDEO))
        .extracting(Reservation::pendingId)
        .extracting(TransferId::value)
        .containsExactly("data-used:b", "data-used:a", "data-payg:m");
    assertThat(stored.held()).containsOnlyKeys(WEB, VIDEO);
  }

  @Test
  void aRefIsStoredOnce() {
    ChargingSession session = session("ref-0001", ALICE, ALICE_FAMILY, T0);
    store.create(session);

    assertThatThrownBy(() -> store.create(session("ref-0001", BOB, BOB_FAMILY, T0)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.find(session.ref())).contains(session);
  }

  @Test
  void aSaveAppliesOnlyToTheSequenceItWasReadAt() {
    ChargingSession session = session("ref-0001", ALICE, ALICE_FAMILY, T0);
    store.create(session);
    ChargingSession first = held(session, 1);
    ChargingSession released =
        first.after(2, "released", Map.of(), SessionState.RELEASED, T0.plusSeconds(9));

    assertThat(store.save(first, 0, List.of(used(MAY_1, VIDEO, 100)))).isTrue();
    assertThat(store.save(released, 1, List.of(used(MAY_1, VIDEO, 50)))).isTrue();

    assertThat(store.find(session.ref())).contains(released);
    assertThat(store.find(session.ref()).orElseThrow().held()).isEmpty();
    assertThat(store.usage(Set.of(VIDEO), MAY_1, MAY_1)).containsExactly(used(MAY_1, VIDEO, 150));
  }

  @Test
  void aStaleSaveWritesNeitherTheSessionNorTheUsage() {
    ChargingSession session = session("ref-0001", ALICE, ALICE_FAMILY, T0);
    store.create(session);
    ChargingSession first = held(session, 1);
    store.save(first, 0, List.of(used(MAY_1, VIDEO, 100)));

    assertThat(
            store.save(held(session, 2), 0, List.of(used(MAY_1, VIDEO, 999), used(MAY_2, WEB, 1))))
        .isFalse();
    assertThat(store.save(held(session, 2), 2, List.of(used(MAY_1, VIDEO, 999)))).isFalse();

    assertThat(store.find(session.ref())).contains(first);
    assertThat(store.usage(Set.of(VIDEO, WEB), MAY_1, MAY_3))
        .containsExactly(used(MAY_1, VIDEO, 100));
  }

  @Test
  void aSaveOfAnUnknownSessionWritesNothing() {
    ChargingSession unknown = held(session("ref-0001", ALICE, ALICE_FAMILY, T0), 1);

    assertThat(store.save(unknown, 0, List.of(used(MAY_1, VIDEO, 100)))).isFalse();
    assertThat(store.find(unknown.ref())).isEmpty();
    assertThat(store.usage(Set.of(VIDEO), MAY_1, MAY_1)).isEmpty();
  }

  @Test
  void usageAddsUpPerDayAndRatingGroupAcrossSessions() {
    ChargingSession alices = session("ref-0001", ALICE, ALICE_FAMILY, T0);
    ChargingSession bobs = session("ref-0002", BOB, BOB_FAMILY, T0);
    store.create(alices);
    store.create(bobs);

    store.save(
        held(alices, 1),
        0,
        List.of(
            used(MAY_1, VIDEO, 10),
            used(MAY_1, VIDEO, 5),
            used(MAY_2, MUSIC, 7),
            used(MAY_3, WEB, 0)));
    store.save(held(bobs, 1), 0, List.of(used(MAY_1, VIDEO, 100), used(MAY_2, WEB, 3)));
    store.save(held(alices, 2), 1, List.of(used(MAY_3, VIDEO, 1_000_000_000_000L)));

    assertThat(store.usage(Set.of(VIDEO, MUSIC, WEB), MAY_1, MAY_3))
        .containsExactly(
            used(MAY_1, VIDEO, 115),
            used(MAY_2, WEB, 3),
            used(MAY_2, MUSIC, 7),
            used(MAY_3, WEB, 0),
            used(MAY_3, VIDEO, 1_000_000_000_000L));
    assertThat(store.usage(Set.of(VIDEO), MAY_2, MAY_3))
        .containsExactly(used(MAY_3, VIDEO, 1_000_000_000_000L));
    assertThat(store.usage(Set.of(MUSIC, WEB), MAY_2, MAY_2))
        .containsExactly(used(MAY_2, WEB, 3), used(MAY_2, MUSIC, 7));
    assertThat(store.usage(Set.of(), MAY_1, MAY_3)).isEmpty();
    assertThat(store.usage(Set.of(VIDEO), MAY_3.plusDays(1), MAY_3.plusDays(9))).isEmpty();
  }

  @Test
  void ofRacingSavesFromOneSequenceOneWritesAndItsUsageCountsOnce() throws Exception {
    ChargingSession session = session("ref-0001", ALICE, ALICE_FAMILY, T0);
    store.create(session);

    for (int round = 0; round < 10; round++) {
      long sequence = round;
      List<Boolean> saved =
          race(
              4,
              i ->
                  store.save(
                      held(session, sequence + 1)
                          .after(sequence + 1, "racer " + i, Map.of(), SessionState.OPEN, T0),
                      sequence,
                      List.of(used(MAY_1, VIDEO, 100), used(MAY_2, MUSIC, 1))));

      assertThat(saved).filteredOn(s -> s).hasSize(1);
      assertThat(store.find(session.ref()).orElseThrow().answer())
          .isEqualTo("racer " + saved.indexOf(true));
    }
    assertThat(store.usage(Set.of(VIDEO, MUSIC), MAY_1, MAY_2))
        .containsExactly(used(MAY_1, VIDEO, 1_000), used(MAY_2, MUSIC, 10));
  }

  @Test
  void openOfListsTheSubscribersOpenSessionsOldestFirst() {
    ChargingSession later = session("ref-0003", ALICE, ALICE_FAMILY, T0.plusSeconds(10));
    ChargingSession earlier = session("ref-0002", ALICE, ALICE_FAMILY, T0);
    ChargingSession tied = session("ref-0001", ALICE, ALICE_FAMILY, T0);
    ChargingSession ended = session("ref-0004", ALICE, ALICE_FAMILY, T0);
    store.create(later);
    store.create(earlier);
    store.create(tied);
    store.create(ended);
    store.create(session("ref-0005", BOB, BOB_FAMILY, T0));
    store.save(
        ended.after(1, "aborted", Map.of(), SessionState.ABORTED, T0.plusSeconds(5)), 0, List.of());

    assertThat(store.openOf(ALICE)).containsExactly(tied, earlier, later);
    assertThat(store.openOf(new Msisdn("8613800000099"))).isEmpty();
  }
}
