package org.telco.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SubscriberStore} shares; each implementation extends this suite (it
 * ships in the module's test-jar for stores in other modules).
 *
 * <p>Instants have microsecond precision, the finest a PostgreSQL timestamp keeps, so a store that
 * loses microseconds fails.
 */
public abstract class SubscriberStoreContract {
  private static final Instant T0 =
      Instant.parse("2026-01-31T10:00:00.123456789Z").truncatedTo(ChronoUnit.MICROS);
  private static final Instant LATER = T0.plusSeconds(3_600).plusNanos(1_000);
  private static final int THREADS = 8;

  private SubscriberStore store;

  /** A fresh, empty store for one test. */
  protected abstract SubscriberStore newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  private Subscriber created(String msisdn, long serial, Instant at) {
    SubscriberCreation creation = store.create(SubscriberFixtures.subscriber(msisdn, serial, at));
    return ((SubscriberCreation.Created) creation).subscriber();
  }

  private static Msisdn number(String digits) {
    return new Msisdn(digits);
  }

  @Test
  void createdSubscriberIsFoundAsStoredAtVersionZero() {
    Subscriber subscriber = SubscriberFixtures.subscriber("8613800000001", 4, T0);

    SubscriberCreation creation = store.create(subscriber);

    assertThat(creation).isEqualTo(new SubscriberCreation.Created(subscriber));
    Subscriber found = store.find(subscriber.msisdn()).orElseThrow();
    assertThat(found).isEqualTo(subscriber);
    assertThat(found.version()).isZero();
    assertThat(found.password().matches("s3cret-4".toCharArray())).isTrue();
    assertThat(found.createdAt()).isEqualTo(T0);
  }

  @Test
  void unknownNumberHasNoSubscriberAndNoHistory() {
    assertThat(store.find(number("8613800000009"))).isEmpty();
    assertThat(store.history(number("8613800000009"))).isEmpty();
  }

  @Test
  void creatingATakenNumberChangesNothing() {
    Subscriber first = created("8613800000001", 1, T0);

    SubscriberCreation again =
        store.create(SubscriberFixtures.subscriber("8613800000001", 2, LATER));

    assertThat(again).isEqualTo(new SubscriberCreation.MsisdnTaken(first));
    assertThat(store.find(first.msisdn())).contains(first);
    assertThat(store.history(first.msisdn())).hasSize(1);
  }

  @Test
  void accountsOfAnotherSubscriberCannotBeReused() {
    created("8613800000001", 1, T0);

    assertThatThrownBy(() -> store.create(SubscriberFixtures.subscriber("8613800000002", 1, T0)))
        .isInstanceOf(RuntimeException.class);
    assertThat(store.find(number("8613800000002"))).isEmpty();
  }

  @Test
  void historyStartsWithTheSubscription() {
    Subscriber subscriber = created("8613800000001", 1, T0);

    assertThat(store.history(subscriber.msisdn()))
        .containsExactly(StateChange.subscribed(subscriber.msisdn(), T0));
  }

  @Test
  void updateWritesTheChangeAppendsItsHistoryAndBumpsTheVersion() {
    Subscriber subscriber = created("8613800000001", 1, T0);
    StateChangeResult.Changed suspended =
        (StateChangeResult.Changed)
            subscriber.change(StateChangeReason.SUSPENDED_BY_REQUEST, LATER);
    Subscriber next =
        suspended
            .subscriber()
            .withPlan(new PlanId("plus"))
            .withPassword(SubscriberFixtures.password("n3w-pass", 9))
            .nextCycle(SubscriberFixtures.UTC_CYCLES);

    SubscriberUpdateResult result =
        store.update(new SubscriberUpdate(next, List.of(suspended.change())));

    Subscriber stored = next.withVersion(1);
    assertThat(result).isEqualTo(new SubscriberUpdateResult.Updated(stored));
    assertThat(store.find(subscriber.msisdn())).contains(stored);
    assertThat(store.history(subscriber.msisdn()))
        .containsExactly(StateChange.subscribed(subscriber.msisdn(), T0), suspended.change());
  }

  @Test
  void historyKeepsEveryChangeInOrder() {
    Subscriber subscriber = created("8613800000001", 1, T0);
    List<StateChange> expected = new ArrayList<>(store.history(subscriber.msisdn()));
    StateChangeReason[] reasons = {
      StateChangeReason.FEE_UNPAID,
      StateChangeReason.ARREARS_PAID,
      StateChangeReason.SUSPENDED_BY_REQUEST,
      StateChangeReason.RESUMED_BY_REQUEST,
      StateChangeReason.PORTED_OUT
    };
    Subscriber current = subscriber;
    for (int i = 0; i < reasons.length; i++) {
      StateChangeResult.Changed changed =
          (StateChangeResult.Changed) current.change(reasons[i], LATER.plusSeconds(i));
      current =
          ((SubscriberUpdateResult.Updated) store.update(SubscriberUpdate.of(changed)))
              .subscriber();
      expected.add(changed.change());
    }

    assertThat(store.history(subscriber.msisdn())).containsExactlyElementsOf(expected);
    assertThat(store.find(subscriber.msisdn()).orElseThrow().version()).isEqualTo(5);
    assertThat(current.state()).isEqualTo(SubscriberState.PORTED_OUT);
  }

  @Test
  void updateBasedOnAnOldVersionIsStaleAndChangesNothing() {
    Subscriber subscriber = created("8613800000001", 1, T0);
    store.update(SubscriberUpdate.of(subscriber.withPlan(new PlanId("plus"))));
    StateChangeResult.Changed barred =
        (StateChangeResult.Changed) subscriber.change(StateChangeReason.FEE_UNPAID, LATER);

    SubscriberUpdateResult result = store.update(SubscriberUpdate.of(barred));

    assertThat(result).isEqualTo(new SubscriberUpdateResult.Stale(subscriber.msisdn(), 1));
    assertThat(store.find(subscriber.msisdn()).orElseThrow().state())
        .isEqualTo(SubscriberState.ACTIVE);
    assertThat(store.history(subscriber.msisdn())).hasSize(1);
  }

  @Test
  void numbersStartingWithAPrefixComeInOrderUpToTheLimit() {
    created("8613800000002", 2, T0);
    created("8613800000001", 1, T0);
    created("8613900000001", 3, T0);

    assertThat(store.numbersStartingWith("861380", 10))
        .extracting(s -> s.msisdn().digits())
        .containsExactly("8613800000001", "8613800000002");
    assertThat(store.numbersStartingWith("86", 1)).hasSize(1);
    assertThat(store.numbersStartingWith("8613_", 10)).isEmpty();
  }

  @Test
  void aPrefixEndingInNinesFindsExactlyTheNumbersThatStartWithIt() {
    created("8613899999999", 1, T0);
    created("8613900000000", 2, T0);
    created("8613999999999", 3, T0);
    created("8614000000000", 4, T0);
    created("9999000000000", 5, T0);

    assertThat(store.numbersStartingWith("86139", 10))
        .extracting(s -> s.msisdn().digits())
        .containsExactly("8613900000000", "8613999999999");
    assertThat(store.numbersStartingWith("861399", 10))
        .extracting(s -> s.msisdn().digits())
        .containsExactly("8613999999999");
    assertThat(store.numbersStartingWith("99", 10))
        .extracting(s -> s.msisdn().digits())
        .containsExactly("9999000000000");
    assertThat(store.numbersStartingWith("", 10)).hasSize(5);
    assertThat(store.numbersStartingWith("8613%", 10)).isEmpty();
  }

  @Test
  void subscribersAreCountedByState() {
    Subscriber first = created("8613800000001", 1, T0);
    created("8613800000002", 2, T0);
    store.update(SubscriberUpdate.of(first.withState(SubscriberState.BARRED_ARREARS)));

    assertThat(store.countByState())
        .containsEntry(SubscriberState.ACTIVE, 1L)
        .containsEntry(SubscriberState.BARRED_ARREARS, 1L)
        .doesNotContainKey(SubscriberState.CLOSED);
  }

  @Test
  void updateOfAnUnknownNumberIsNotFound() {
    Subscriber stranger = SubscriberFixtures.subscriber("8613800000009", 9, T0);

    assertThat(store.update(SubscriberUpdate.of(stranger)))
        .isEqualTo(new SubscriberUpdateResult.NotFound(stranger.msisdn()));
    assertThat(store.find(stranger.msisdn())).isEmpty();
  }

  @Test
  void fieldsFixedAtCreationAreNeverRewritten() {
    Subscriber subscriber = created("8613800000001", 1, T0);
    Subscriber tampered =
        new Subscriber(
            subscriber.msisdn(),
            new OperatorId("beta"),
            subscriber.planId(),
            subscriber.state(),
            subscriber.password(),
            SubscriberAccounts.money(SubscriberAccounts.subscriberFamily(99)),
            SubscriberAccounts.arrears(SubscriberAccounts.subscriberFamily(99)),
            LATER,
            subscriber.nextCycleAt(),
            subscriber.version());

    store.update(SubscriberUpdate.of(tampered));

    assertThat(store.find(subscriber.msisdn())).contains(subscriber.withVersion(1));
  }

  @Test
  void batchOfUpdatesAnswersEachOnItsOwnTermsInOrder() {
    Subscriber first = created("8613800000001", 1, T0);
    Subscriber second = created("8613800000002", 2, T0);
    store.update(SubscriberUpdate.of(second.withPlan(new PlanId("plus"))));
    Subscriber stranger = SubscriberFixtures.subscriber("8613800000009", 9, T0);
    Subscriber firstNext = first.nextCycle(SubscriberFixtures.UTC_CYCLES);

    List<SubscriberUpdateResult> results =
        store.updateAll(
            List.of(
                SubscriberUpdate.of(stranger),
                SubscriberUpdate.of(second.withPlan(new PlanId("basic"))),
                SubscriberUpdate.of(firstNext)));

    assertThat(results)
        .containsExactly(
            new SubscriberUpdateResult.NotFound(stranger.msisdn()),
            new SubscriberUpdateResult.Stale(second.msisdn(), 1),
            new SubscriberUpdateResult.Updated(firstNext.withVersion(1)));
    assertThat(store.find(first.msisdn())).contains(firstNext.withVersion(1));
    assertThat(store.find(second.msisdn()).orElseThrow().planId()).isEqualTo(new PlanId("plus"));
    assertThat(store.updateAll(List.of())).isEmpty();
  }

  @Test
  void batchNamingOneSubscriberTwiceIsABug() {
    Subscriber subscriber = created("8613800000001", 1, T0);

    assertThatThrownBy(
            () ->
                store.updateAll(
                    List.of(SubscriberUpdate.of(subscriber), SubscriberUpdate.of(subscriber))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(subscriber.msisdn()).orElseThrow().version()).isZero();
  }

  @Test
  void dueForCycleGivesSubscribersInServiceWhoseCycleHasStartedEarliestFirst() {
    Instant feb = Instant.parse("2026-02-28T00:00:00Z");
    created("8613800000003", 3, T0.minus(4, ChronoUnit.DAYS)); // next cycle 2026-02-27
    created("8613800000001", 1, T0); // next cycle 2026-02-28
    created("8613800000002", 2, T0); // next cycle 2026-02-28
    created("8613800000004", 4, T0.plus(1, ChronoUnit.DAYS)); // next cycle 2026-03-01
    Subscriber gone = created("8613800000005", 5, T0);
    store.update(
        SubscriberUpdate.of(
            (StateChangeResult.Changed) gone.change(StateChangeReason.CLOSED, LATER)));

    Instant feb27 = Instant.parse("2026-02-27T00:00:00Z");
    assertThat(store.dueForCycle(feb27.minusNanos(1_000), 10)).isEmpty();
    assertThat(store.dueForCycle(feb27, 10))
        .extracting(s -> s.msisdn().digits())
        .containsExactly("8613800000003");
    assertThat(store.dueForCycle(feb, 10))
        .extracting(s -> s.msisdn().digits())
        .containsExactly("8613800000003", "8613800000001", "8613800000002");
    assertThat(store.dueForCycle(feb, 2))
        .extracting(s -> s.msisdn().digits())
        .containsExactly("8613800000003", "8613800000001");
    assertThat(store.dueForCycle(Instant.parse("2026-03-01T00:00:00Z"), 10))
        .extracting(s -> s.msisdn().digits())
        .containsExactly("8613800000003", "8613800000001", "8613800000002", "8613800000004");
  }

  @Test
  void subscriberLeavesTheDueListWhenMovedToItsNextCycle() {
    Subscriber subscriber = created("8613800000001", 1, T0);
    Instant now = subscriber.nextCycleAt();

    store.update(SubscriberUpdate.of(subscriber.nextCycle(SubscriberFixtures.UTC_CYCLES)));

    assertThat(store.dueForCycle(now, 10)).isEmpty();
  }

  @Test
  void familySerialsAreNeverHandedOutTwiceAndGrow() {
    long previous = -1;
    for (int i = 0; i < 20; i++) {
      long serial = store.nextFamilySerial();
      assertThat(serial).isGreaterThan(previous).isNotNegative();
      previous = serial;
    }
  }

  @Test
  void concurrentSubscriptionsOfOneNumberCreateOneSubscriber() throws Exception {
    List<SubscriberCreation> results =
        concurrently(i -> store.create(SubscriberFixtures.subscriber("8613800000001", 10 + i, T0)));

    assertThat(results).filteredOn(SubscriberCreation.Created.class::isInstance).hasSize(1);
    Subscriber winner = store.find(number("8613800000001")).orElseThrow();
    assertThat(results)
        .filteredOn(SubscriberCreation.MsisdnTaken.class::isInstance)
        .hasSize(THREADS - 1)
        .allMatch(r -> ((SubscriberCreation.MsisdnTaken) r).existing().equals(winner));
    assertThat(store.history(winner.msisdn())).hasSize(1);
  }

  @Test
  void concurrentUpdatesOfOneVersionLetOneWin() throws Exception {
    Subscriber subscriber = created("8613800000001", 1, T0);

    List<SubscriberUpdateResult> results =
        concurrently(
            i ->
                store.update(
                    SubscriberUpdate.of(
                        (StateChangeResult.Changed)
                            subscriber.change(
                                i % 2 == 0
                                    ? StateChangeReason.SUSPENDED_BY_REQUEST
                                    : StateChangeReason.FEE_UNPAID,
                                LATER.plusSeconds(i)))));

    assertThat(results).filteredOn(SubscriberUpdateResult.Updated.class::isInstance).hasSize(1);
    assertThat(results)
        .filteredOn(SubscriberUpdateResult.Stale.class::isInstance)
        .hasSize(THREADS - 1);
    Subscriber stored = store.find(subscriber.msisdn()).orElseThrow();
    assertThat(stored.version()).isEqualTo(1);
    List<StateChange> history = store.history(subscriber.msisdn());
    assertThat(history).hasSize(2);
    assertThat(history.getLast().to()).isEqualTo(stored.state());
  }

  /** Runs {@code task} on {@link #THREADS} threads released at once; answers in thread order. */
  private static <T> List<T> concurrently(IndexedTask<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        int index = i;
        Callable<T> call =
            () -> {
              start.await();
              return task.run(index);
            };
        futures.add(pool.submit(call));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A task of one of the concurrent threads. */
  @FunctionalInterface
  private interface IndexedTask<T> {
    T run(int index) throws Exception;
  }
}
