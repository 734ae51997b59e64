package org.telco.time;

import java.time.Instant;
import java.util.List;

/** A {@link TimerStore} that hands every call to another; tests override the calls they break. */
class DelegatingTimerStore implements TimerStore {
  private final TimerStore store;

  DelegatingTimerStore(TimerStore store) {
    this.store = store;
  }

  @Override
  public void schedule(Timer timer) {
    store.schedule(timer);
  }

  @Override
  public void scheduleAll(List<Timer> timers) {
    store.scheduleAll(timers);
  }

  @Override
  public List<Timer> due(Instant now, int limit) {
    return store.due(now, limit);
  }

  @Override
  public List<Timer> dueAfter(Instant now, Timer after, int limit) {
    return store.dueAfter(now, after, limit);
  }

  @Override
  public void complete(String id, Instant firedAt) {
    store.complete(id, firedAt);
  }

  @Override
  public void completeAll(List<String> ids, Instant firedAt) {
    store.completeAll(ids, firedAt);
  }

  @Override
  public void rearmAll(List<Timer> timers) {
    store.rearmAll(timers);
  }

  @Override
  public void postpone(String id, Instant dueAt) {
    store.postpone(id, dueAt);
  }

  @Override
  public void postponeAll(List<String> ids, Instant dueAt) {
    store.postponeAll(ids, dueAt);
  }

  @Override
  public int pendingCount() {
    return store.pendingCount();
  }
}
