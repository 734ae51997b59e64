package org.telco.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link TimerStore} shares; each implementation extends this suite. */
public abstract class TimerStoreContract {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private TimerStore store;

  /** A fresh, empty store for one test. */
  protected abstract TimerStore newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @Test
  void timerIsDueOnlyFromItsDueTime() {
    store.schedule(new Timer("t:1", "t", "p", T0.plusSeconds(60)));

    assertThat(store.due(T0.plusSeconds(59), 10)).isEmpty();
    assertThat(store.due(T0.plusSeconds(60), 10))
        .containsExactly(new Timer("t:1", "t", "p", T0.plusSeconds(60)));
  }

  @Test
  void dueTimersComeEarliestFirstUpToTheLimit() {
    store.schedule(new Timer("t:late", "t", "", T0.plusSeconds(30)));
    store.schedule(new Timer("t:early", "t", "", T0.plusSeconds(10)));
    store.schedule(new Timer("t:middle", "t", "", T0.plusSeconds(20)));

    assertThat(store.due(T0.plusSeconds(100), 2))
        .extracting(Timer::id)
        .containsExactly("t:early", "t:middle");
  }

  @Test
  void schedulingTheSameIdAgainKeepsTheFirstTimer() {
    store.schedule(new Timer("t:1", "t", "first", T0));
    store.schedule(new Timer("t:1", "t", "second", T0.plusSeconds(5)));

    assertThat(store.due(T0.plusSeconds(10), 10))
        .extracting(Timer::payload)
        .containsExactly("first");
    assertThat(store.pendingCount()).isEqualTo(1);
  }

  @Test
  void completedTimerNeverComesBackEvenIfScheduledAgain() {
    store.schedule(new Timer("t:1", "t", "", T0));
    store.complete("t:1", T0);
    store.schedule(new Timer("t:1", "t", "", T0));

    assertThat(store.due(T0.plusSeconds(10), 10)).isEmpty();
    assertThat(store.pendingCount()).isZero();
  }

  @Test
  void postponedTimerIsDueAgainAtItsNewTime() {
    store.schedule(new Timer("t:1", "t", "", T0));
    store.postpone("t:1", T0.plusSeconds(30));

    assertThat(store.due(T0.plusSeconds(29), 10)).isEmpty();
    assertThat(store.due(T0.plusSeconds(30), 10)).extracting(Timer::id).containsExactly("t:1");
  }

  @Test
  void batchScheduleAndCompleteActLikeOneByOne() {
    store.schedule(new Timer("t:1", "t", "kept", T0));
    store.scheduleAll(
        List.of(
            new Timer("t:1", "t", "ignored", T0),
            new Timer("t:2", "t", "", T0.plusSeconds(1)),
            new Timer("t:3", "t", "", T0.plusSeconds(2))));

    assertThat(store.due(T0.plusSeconds(10), 10))
        .extracting(Timer::payload)
        .containsExactly("kept", "", "");

    store.completeAll(List.of("t:1", "t:3", "t:unknown"), T0.plusSeconds(10));
    store.scheduleAll(List.of(new Timer("t:3", "t", "", T0)));

    assertThat(store.due(T0.plusSeconds(10), 10)).extracting(Timer::id).containsExactly("t:2");
    assertThat(store.pendingCount()).isEqualTo(1);
  }

  @Test
  void dueAfterPagesThroughTheDueTimersInTheOrderOfDue() {
    store.scheduleAll(
        List.of(
            new Timer("t:b", "t", "", T0),
            new Timer("t:a", "t", "", T0),
            new Timer("t:c", "t", "", T0.plusSeconds(5)),
            new Timer("t:0", "t", "", T0.plusSeconds(5)),
            new Timer("t:later", "t", "", T0.plusSeconds(60))));
    Instant now = T0.plusSeconds(10);

    List<Timer> first = store.dueAfter(now, null, 2);
    List<Timer> second = store.dueAfter(now, first.getLast(), 2);

    assertThat(first).isEqualTo(store.due(now, 2));
    assertThat(first).extracting(Timer::id).containsExactly("t:a", "t:b");
    assertThat(second).extracting(Timer::id).containsExactly("t:0", "t:c");
    assertThat(store.dueAfter(now, second.getLast(), 2)).isEmpty();
  }

  @Test
  void dueAfterSkipsTheTimersBeforeItsStartWhetherFiredOrNot() {
    store.scheduleAll(
        List.of(
            new Timer("t:1", "t", "", T0),
            new Timer("t:2", "t", "", T0),
            new Timer("t:3", "t", "", T0),
            new Timer("t:4", "t", "", T0)));
    List<Timer> first = store.dueAfter(T0, null, 2);
    store.completeAll(List.of("t:1", "t:3"), T0);

    assertThat(store.dueAfter(T0, first.getLast(), 10))
        .extracting(Timer::id)
        .containsExactly("t:4");
    assertThat(store.dueAfter(T0, null, 10)).extracting(Timer::id).containsExactly("t:2", "t:4");
  }

  @Test
  void emptyBatchesChangeNothing() {
    store.scheduleAll(List.of());
    store.completeAll(List.of(), T0);

    assertThat(store.pendingCount()).isZero();
  }

  @Test
  void postponingManyMovesEachUnfiredOneAndLeavesFiredOnesAlone() {
    store.scheduleAll(
        List.of(
            new Timer("t:1", "t", "", T0),
            new Timer("t:2", "t", "", T0),
            new Timer("t:3", "t", "", T0)));
    store.complete("t:3", T0);

    store.postponeAll(List.of("t:1", "t:2", "t:3", "t:unknown"), T0.plusSeconds(30));
    store.postponeAll(List.of(), T0.plusSeconds(99));

    assertThat(store.due(T0.plusSeconds(29), 10)).isEmpty();
    assertThat(store.due(T0.plusSeconds(30), 10))
        .extracting(Timer::id)
        .containsExactly("t:1", "t:2");
    assertThat(store.pendingCount()).isEqualTo(2);
  }

  @Test
  void rearmedTimerWaitsForItsNextStepUnderTheSameId() {
    store.scheduleAll(List.of(new Timer("t:1", "t", "p", T0), new Timer("t:2", "t", "", T0)));
    store.complete("t:2", T0);

    store.rearmAll(
        List.of(
            new Timer("t:1", "next", "q", T0.plusSeconds(60)),
            new Timer("t:2", "next", "", T0),
            new Timer("t:unknown", "next", "", T0)));
    store.rearmAll(List.of());
    store.schedule(new Timer("t:1", "t", "again", T0));

    assertThat(store.due(T0.plusSeconds(59), 10)).isEmpty();
    assertThat(store.due(T0.plusSeconds(60), 10))
        .containsExactly(new Timer("t:1", "next", "q", T0.plusSeconds(60)));
    assertThat(store.pendingCount()).isEqualTo(1);
  }
}
