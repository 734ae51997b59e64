package org.telco.storage.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.credit.Advance;
import org.telco.credit.AdvanceState;
import org.telco.credit.AdvanceStore;
import org.telco.credit.AdvanceStore.Grant;
import org.telco.credit.AdvanceStoreContract;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;
import org.telco.subscriber.Msisdn;

/**
 * The advance store contract on PostgreSQL, plus grants racing in separate transactions (where the
 * partial unique index, not a monitor, keeps one open advance per number) and batches repeating an
 * id.
 */
class PgAdvanceStoreTest extends AdvanceStoreContract {
  private static final Instant T0 = Instant.parse("2026-03-10T04:30:00Z");
  private static final int ROUNDS = 50;

  private Database database;
  private PgAdvanceStore store;

  @Override
  protected AdvanceStore newStore() {
    database = PostgresForTests.freshDatabase();
    store = new PgAdvanceStore(database.dataSource());
    return store;
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void racingGrantsForOneNumberStoreExactlyOne() throws Exception {
    try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
      for (int round = 0; round < ROUNDS; round++) {
        Msisdn number = number(round);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Grant>> racers = new ArrayList<>();
        for (String side : List.of("a", "b")) {
          Advance advance = advance(side + ":" + round, number);
          racers.add(
              () -> {
                start.await();
                return store.grant(advance);
              });
        }
        List<Future<Grant>> results = new ArrayList<>();
        for (Callable<Grant> racer : racers) {
          results.add(threads.submit(racer));
        }
        start.countDown();

        List<Grant> grants = new ArrayList<>();
        for (Future<Grant> result : results) {
          grants.add(result.get());
        }
        assertThat(grants).containsExactlyInAnyOrder(Grant.GRANTED, Grant.ANOTHER_OPEN);
        assertThat(store.of(number)).hasSize(1);
      }
    }
  }

  @Test
  void racingBatchesOverTheSameNumbersStoreOneAdvanceEachWithoutDeadlock() throws Exception {
    int size = 200;
    List<Advance> ascending = new ArrayList<>();
    List<Advance> descending = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ascending.add(advance("up:" + i, number(i)));
      descending.add(advance("down:" + (size - 1 - i), number(size - 1 - i)));
    }
    List<List<Grant>> answers = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Grant>>> results = new ArrayList<>();
      for (List<Advance> batch : List.of(ascending, descending)) {
        results.add(
            threads.submit(
                () -> {
                  start.await();
                  return store.grantAll(batch);
                }));
      }
      start.countDown();
      for (Future<List<Grant>> result : results) {
        answers.add(result.get());
      }
    }

    for (int i = 0; i < size; i++) {
      assertThat(List.of(answers.get(0).get(i), answers.get(1).get(size - 1 - i)))
          .containsExactlyInAnyOrder(Grant.GRANTED, Grant.ANOTHER_OPEN);
    }
    assertThat(store.summary().advances()).isEqualTo(size);
  }

  @Test
  void aBatchRepeatingAnIdAnswersAsGrantingOneByOneWould() {
    Msisdn alice = number(1);
    store.grant(advance("open", alice));

    List<Grant> results =
        store.grantAll(
            List.of(
                advance("x", alice),
                advance("x", number(2)),
                advance("x", number(3)),
                advance("y", number(4)),
                advance("y", number(5))));

    assertThat(results)
        .containsExactly(
            Grant.ANOTHER_OPEN, Grant.GRANTED, Grant.ID_TAKEN, Grant.GRANTED, Grant.ID_TAKEN);
    assertThat(store.find("x").orElseThrow().msisdn()).isEqualTo(number(2));
    assertThat(store.find("y").orElseThrow().msisdn()).isEqualTo(number(4));
  }

  @Test
  void anAdvanceReadsBackToTheMicrosecondClosedOrNot() {
    Instant at = T0.plusNanos(123_456_789);
    Advance repaid =
        new Advance(
            "closed",
            number(1),
            1_000,
            800,
            1_000,
            at,
            at.plus(Duration.ofHours(72)),
            AdvanceState.REPAID,
            at.plusSeconds(60));
    Advance open = Advance.grant("open", number(2), 1_000, 0, at, at.plus(Duration.ofHours(72)));

    assertThat(store.grantAll(List.of(repaid, open))).containsOnly(Grant.GRANTED);

    Advance stored = store.find("closed").orElseThrow();
    assertThat(stored.grantedAt()).isEqualTo(T0.plusNanos(123_456_000));
    assertThat(stored.closedAt()).isEqualTo(T0.plusSeconds(60).plusNanos(123_456_000));
    assertThat(store.find("open").orElseThrow().closedAt()).isNull();
    assertThat(store.update(stored, stored)).isTrue();
  }

  private static Msisdn number(int serial) {
    return new Msisdn("86139%08d".formatted(serial));
  }

  private static Advance advance(String id, Msisdn msisdn) {
    return Advance.grant(id, msisdn, 1_000, 800, T0, T0.plus(Duration.ofHours(72)));
  }
}
