package org.telco.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TimerPollerTest {
  private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final InMemoryTimerStore store = new InMemoryTimerStore();
  private final List<String> fired = Collections.synchronizedList(new ArrayList<>());

  @Test
  void timerFiresOnceWhenTheClockReachesIt() {
    TimerPoller poller = poller(Map.of("greet", timer -> fired.add(timer.payload())));
    store.schedule(new Timer("greet:1", "greet", "hello", clock.instant().plusSeconds(1800)));

    assertThat(poller.pollOnce()).isZero();
    clock.advance(Duration.ofMinutes(30));
    assertThat(poller.pollOnce()).isEqualTo(1);
    assertThat(poller.pollOnce()).isZero();

    assertThat(fired).containsExactly("hello");
  }

  @Test
  void failingHandlerIsRetriedAfterTheDelay() {
    int[] attempts = {0};
    TimerPoller poller =
        poller(
            Map.of(
                "flaky",
                timer -> {
                  if (++attempts[0] == 1) {
                    throw new IllegalStateException("peer down");
                  }
                  fired.add(timer.id());
                }));
    store.schedule(new Timer("flaky:1", "flaky", "", clock.instant()));

    assertThat(poller.pollOnce()).isZero();
    assertThat(poller.pollOnce()).isZero();
    clock.advance(Duration.ofSeconds(10));
    assertThat(poller.pollOnce()).isEqualTo(1);

    assertThat(fired).containsExactly("flaky:1");
    assertThat(store.pendingCount()).isZero();
  }

  @Test
  void timerOfUnknownKindStaysScheduled() {
    TimerPoller poller = poller(Map.of());
    store.schedule(new Timer("mystery:1", "mystery", "", clock.instant()));

    assertThat(poller.pollOnce()).isZero();
    assertThat(store.pendingCount()).isEqualTo(1);
  }

  @Test
  void aBatchHandlerGetsTheDueTimersOfItsKindTogetherAndNamesTheFailures() {
    List<List<String>> batches = new ArrayList<>();
    TimerHandler batch =
        new TimerHandler() {
          @Override
          public void fire(Timer timer) {
            throw new AssertionError("fired one by one");
          }

          @Override
          public Fired fireAll(List<Timer> timers) {
            batches.add(timers.stream().map(Timer::id).toList());
            return Fired.failing(timers.stream().filter(t -> t.payload().equals("fail")).toList());
          }
        };
    TimerPoller poller = poller(Map.of("offer", batch, "greet", t -> fired.add(t.id())));
    store.schedule(new Timer("offer:1", "offer", "", clock.instant()));
    store.schedule(new Timer("greet:1", "greet", "", clock.instant()));
    store.schedule(new Timer("offer:2", "offer", "fail", clock.instant()));
    store.schedule(new Timer("offer:3", "offer", "", clock.instant().plusSeconds(1)));

    assertThat(poller.pollOnce()).isEqualTo(2);

    assertThat(batches).containsExactly(List.of("offer:1", "offer:2"));
    assertThat(fired).containsExactly("greet:1");
    assertThat(store.due(clock.instant().plusSeconds(9), 10))
        .extracting(Timer::id)
        .containsExactly("offer:3");
    clock.advance(Duration.ofSeconds(10));
    assertThat(poller.pollOnce()).isEqualTo(1); // offer:3; offer:2 fails again
    assertThat(batches.getLast()).containsExactlyInAnyOrder("offer:2", "offer:3");
  }

  @Test
  void aTimerTheHandlerNamesForALaterStepWaitsAgainAsThatStepAndFiresThen() {
    TimerHandler offers =
        new TimerHandler() {
          @Override
          public void fire(Timer timer) {
            throw new AssertionError("fired one by one");
          }

          @Override
          public Fired fireAll(List<Timer> timers) {
            List<Timer> deadlines = new ArrayList<>();
            List<Timer> failed = new ArrayList<>();
            for (Timer timer : timers) {
              fired.add(timer.id());
              switch (timer.payload()) {
                case "fail" -> failed.add(timer);
                case "once" -> {}
                default ->
                    deadlines.add(
                        new Timer(timer.id(), "deadline", "d", timer.dueAt().plusSeconds(60)));
              }
            }
            return new Fired(failed, deadlines);
          }
        };
    TimerPoller poller =
        poller(Map.of("offer", offers, "deadline", t -> fired.add("deadline of " + t.id())));
    store.schedule(new Timer("offer:1", "offer", "", clock.instant()));
    store.schedule(new Timer("offer:2", "offer", "once", clock.instant()));
    store.schedule(new Timer("offer:3", "offer", "fail", clock.instant()));

    assertThat(poller.pollOnce()).isEqualTo(2);
    store.schedule(new Timer("offer:1", "offer", "", clock.instant()));
    assertThat(store.due(clock.instant().plusSeconds(59), 10))
        .extracting(Timer::id)
        .containsExactly("offer:3");
    clock.advance(Duration.ofSeconds(60));
    fired.clear();
    assertThat(poller.pollOnce()).isEqualTo(1);

    assertThat(fired).containsExactlyInAnyOrder("deadline of offer:1", "offer:3");
    assertThat(store.pendingCount()).isEqualTo(1);
  }

  @Test
  void aHandlerRearmingATimerNotOfItsBatchIsABug() {
    TimerHandler wrong =
        new TimerHandler() {
          @Override
          public void fire(Timer timer) {}

          @Override
          public Fired fireAll(List<Timer> timers) {
            return new Fired(
                List.of(), List.of(new Timer("other:1", "offer", "", clock.instant())));
          }
        };
    TimerPoller poller = poller(Map.of("offer", wrong));
    store.schedule(new Timer("offer:1", "offer", "", clock.instant()));

    assertThatThrownBy(poller::pollOnce).isInstanceOf(IllegalStateException.class);
    assertThat(store.due(clock.instant(), 10)).extracting(Timer::id).containsExactly("offer:1");
  }

  @Test
  void aBatchHandlerThatThrowsPostponesItsWholeBatch() {
    TimerHandler broken =
        new TimerHandler() {
          @Override
          public void fire(Timer timer) {}

          @Override
          public Fired fireAll(List<Timer> timers) {
            throw new IllegalStateException("database down");
          }
        };
    TimerPoller poller = poller(Map.of("offer", broken));
    store.schedule(new Timer("offer:1", "offer", "", clock.instant()));

    assertThat(poller.pollOnce()).isZero();
    assertThat(store.pendingCount()).isEqualTo(1);
    assertThat(store.due(clock.instant(), 10)).isEmpty();
  }

  @Test
  void pollDueFiresAWholeBacklogOnceWithTwoBatchesInFlight() {
    int count = 2 * TimerPoller.BATCH_MAX + 3;
    List<Timer> backlog = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      backlog.add(
          new Timer(
              "offer:" + (100_000 + i), "offer", i % 1_000 == 7 ? "fail" : "", clock.instant()));
    }
    store.scheduleAll(backlog);
    CountDownLatch twoBatches = new CountDownLatch(2);
    AtomicBoolean overlapped = new AtomicBoolean();
    Set<String> handed = ConcurrentHashMap.newKeySet();
    List<String> handedTwice = Collections.synchronizedList(new ArrayList<>());
    List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
    TimerHandler batch =
        new TimerHandler() {
          @Override
          public void fire(Timer timer) {
            throw new AssertionError("fired one by one");
          }

          @Override
          public Fired fireAll(List<Timer> timers) {
            sizes.add(timers.size());
            twoBatches.countDown();
            try {
              overlapped.compareAndSet(false, twoBatches.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            for (Timer timer : timers) {
              if (!handed.add(timer.id())) {
                handedTwice.add(timer.id());
              }
            }
            return Fired.failing(timers.stream().filter(t -> t.payload().equals("fail")).toList());
          }
        };
    int failing = (int) backlog.stream().filter(t -> t.payload().equals("fail")).count();
    TimerPoller poller =
        new TimerPoller(store, clock, Map.of("offer", batch), Duration.ofSeconds(10), 2);

    assertThat(poller.pollDue()).isEqualTo(count - failing);

    assertThat(overlapped).isTrue();
    assertThat(sizes).containsExactlyInAnyOrder(TimerPoller.BATCH_MAX, TimerPoller.BATCH_MAX, 3);
    assertThat(handed).hasSize(count);
    assertThat(handedTwice).isEmpty();
    assertThat(store.pendingCount()).isEqualTo(failing);
    assertThat(store.due(clock.instant(), 10)).isEmpty();
    assertThat(poller.pollDue()).isZero();
  }

  @Test
  void aBatchWhoseCompletionFailsStaysDueWhileTheOthersComplete() {
    TimerStore failingCompletion =
        new DelegatingTimerStore(store) {
          @Override
          public void completeAll(List<String> ids, Instant firedAt) {
            if (ids.size() > 1) {
              throw new IllegalStateException("database down");
            }
            super.completeAll(ids, firedAt);
          }
        };
    List<Timer> backlog = new ArrayList<>();
    for (int i = 0; i <= TimerPoller.BATCH_MAX; i++) {
      backlog.add(new Timer("greet:" + (100_000 + i), "greet", "", clock.instant()));
    }
    store.scheduleAll(backlog);
    TimerPoller poller =
        new TimerPoller(
            failingCompletion,
            clock,
            Map.of("greet", timer -> fired.add(timer.id())),
            Duration.ofSeconds(10),
            2);

    assertThatThrownBy(poller::pollDue).hasMessage("database down");

    assertThat(fired).hasSize(TimerPoller.BATCH_MAX + 1);
    assertThat(store.pendingCount()).isEqualTo(TimerPoller.BATCH_MAX);
    assertThat(store.due(clock.instant(), 1)).extracting(Timer::id).containsExactly("greet:100000");
  }

  private TimerPoller poller(Map<String, TimerHandler> handlers) {
    return new TimerPoller(store, clock, handlers, Duration.ofSeconds(10));
  }
}
