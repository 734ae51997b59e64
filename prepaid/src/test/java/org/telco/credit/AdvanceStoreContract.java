package org.telco.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telco.subscriber.Msisdn;

/** The behaviour every {@link AdvanceStore} shares; each implementation extends this suite. */
public abstract class AdvanceStoreContract {
  private static final Instant T0 = Instant.parse("2026-03-10T04:30:00Z");
  private static final Msisdn ALICE = new Msisdn("8613800000001");
  private static final Msisdn BOB = new Msisdn("8613800000002");

  private AdvanceStore store;

  /** A fresh, empty store for one test. */
  protected abstract AdvanceStore newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @Test
  void oneOpenAdvanceAtATimeAndIdsAreKeptOnce() {
    Advance first = advance("a:alice:1", ALICE, T0);

    assertThat(store.grant(first)).isEqualTo(AdvanceStore.Grant.GRANTED);
    assertThat(store.grant(first)).isEqualTo(AdvanceStore.Grant.ID_TAKEN);
    assertThat(store.grant(advance("a:alice:2", ALICE, T0)))
        .isEqualTo(AdvanceStore.Grant.ANOTHER_OPEN);
    assertThat(store.grant(advance("a:bob:1", BOB, T0))).isEqualTo(AdvanceStore.Grant.GRANTED);

    assertThat(store.update(first, first.repay(1_000, T0.plusSeconds(60)))).isTrue();
    assertThat(store.grant(advance("a:alice:2", ALICE, T0.plusSeconds(120))))
        .isEqualTo(AdvanceStore.Grant.GRANTED);
    assertThat(store.of(ALICE)).extracting(Advance::id).containsExactly("a:alice:1", "a:alice:2");
    assertThat(store.open(ALICE)).map(Advance::id).contains("a:alice:2");
  }

  @Test
  void anUpdateAppliesOnlyToTheAdvanceAsItWasRead() {
    Advance granted = advance("a:alice:1", ALICE, T0);
    store.grant(granted);
    Advance partly = granted.repay(300, T0.plusSeconds(1));

    assertThat(store.update(granted, partly)).isTrue();
    assertThat(store.update(granted, granted.repay(500, T0.plusSeconds(2)))).isFalse();
    assertThat(store.find("a:alice:1")).contains(partly);
    assertThat(store.update(partly, partly.repay(700, T0.plusSeconds(3)))).isTrue();
    assertThat(store.find("a:alice:1").orElseThrow().state()).isEqualTo(AdvanceState.REPAID);
  }

  @Test
  void racingRepaymentsOfOneAdvanceApplyOnce() throws Exception {
    Advance granted = advance("a:alice:1", ALICE, T0);
    store.grant(granted);
    List<Callable<Boolean>> racers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      racers.add(() -> store.update(granted, granted.repay(400, T0.plusSeconds(5))));
    }
    int applied = 0;
    try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
      for (Future<Boolean> result : threads.invokeAll(racers)) {
        applied += result.get() ? 1 : 0;
      }
    }

    assertThat(applied).isEqualTo(1);
    assertThat(store.find("a:alice:1").orElseThrow().repaidFen()).isEqualTo(400);
  }

  @Test
  void theSummaryAddsUpEveryState() {
    Advance repaid = advance("a:1", ALICE, T0);
    Advance outstanding = advance("a:2", BOB, T0);
    Advance defaulted = advance("a:3", new Msisdn("8613800000003"), T0);
    Advance recovered = advance("a:4", new Msisdn("8613800000004"), T0);
    for (Advance advance : List.of(repaid, outstanding, defaulted, recovered)) {
      store.grant(advance);
    }
    Instant deadline = T0.plus(Duration.ofHours(72));
    store.update(repaid, repaid.repay(1_000, T0.plusSeconds(10)));
    store.update(outstanding, outstanding.repay(250, T0.plusSeconds(10)));
    store.update(defaulted, defaulted.defaultAt(deadline));
    Advance recoveredStep = recovered.defaultAt(deadline);
    store.update(recovered, recoveredStep);
    store.update(recoveredStep, recoveredStep.repay(1_000, deadline.plusSeconds(60)));

    assertThat(store.summary()).isEqualTo(new AdvanceSummary(4, 4_000, 2_250, 750, 1_000, 2));
  }

  @Test
  void grantingManyAnswersEachInOrder() {
    store.grant(advance("a:alice:1", ALICE, T0));
    Msisdn carol = new Msisdn("8613800000003");

    List<AdvanceStore.Grant> results =
        store.grantAll(
            List.of(
                advance("a:bob:1", BOB, T0),
                advance("a:alice:2", ALICE, T0),
                advance("a:carol:1", carol, T0)));

    assertThat(results)
        .containsExactly(
            AdvanceStore.Grant.GRANTED,
            AdvanceStore.Grant.ANOTHER_OPEN,
            AdvanceStore.Grant.GRANTED);
    assertThat(store.grantAll(List.of(advance("a:bob:1", BOB, T0))))
        .containsExactly(AdvanceStore.Grant.ID_TAKEN);
    assertThat(store.grantAll(List.of())).isEmpty();
    assertThat(store.of(ALICE)).extracting(Advance::id).containsExactly("a:alice:1");
  }

  @Test
  void readingManyNumbersGivesEachItsAdvancesOldestFirst() {
    Advance first = advance("a:alice:1", ALICE, T0);
    store.grant(first);
    store.update(first, first.repay(1_000, T0.plusSeconds(60)));
    store.grant(advance("a:alice:2", ALICE, T0.plusSeconds(120)));
    store.grant(advance("a:bob:1", BOB, T0));
    Msisdn nobody = new Msisdn("8613800000009");

    var found = store.ofAll(List.of(ALICE, BOB, nobody));

    assertThat(found.get(ALICE)).extracting(Advance::id).containsExactly("a:alice:1", "a:alice:2");
    assertThat(found.get(ALICE).getFirst().state()).isEqualTo(AdvanceState.REPAID);
    assertThat(found.get(BOB)).extracting(Advance::id).containsExactly("a:bob:1");
    assertThat(found.get(nobody)).isEmpty();
  }

  private static Advance advance(String id, Msisdn msisdn, Instant at) {
    return Advance.grant(id, msisdn, 1_000, 800, at, at.plus(Duration.ofHours(72)));
  }
}
