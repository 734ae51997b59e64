package org.telco.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The reference {@link TimerStore}: timers in a map, guarded by the store's monitor. */
public final class InMemoryTimerStore implements TimerStore {
  private final Map<String, Timer> waiting = new HashMap<>();
  private final Map<String, Instant> fired = new HashMap<>();

  @Override
  public synchronized void schedule(Timer timer) {
    if (!fired.containsKey(timer.id())) {
      waiting.putIfAbsent(timer.id(), timer);
    }
  }

  @Override
  public synchronized List<Timer> due(Instant now, int limit) {
    return dueAfter(now, null, limit);
  }

  @Override
  public synchronized List<Timer> dueAfter(Instant now, Timer after, int limit) {
    List<Timer> result = new ArrayList<>();
    for (Timer timer : waiting.values()) {
      if (!timer.dueAt().isAfter(now) && (after == null || DUE_ORDER.compare(timer, after) > 0)) {
        result.add(timer);
      }
    }
    result.sort(DUE_ORDER);
    return result.size() > limit ? List.copyOf(result.subList(0, limit)) : result;
  }

  @Override
  public synchronized void complete(String id, Instant firedAt) {
    if (waiting.remove(id) != null) {
      fired.put(id, firedAt);
    }
  }

  @Override
  public synchronized void rearmAll(List<Timer> timers) {
    for (Timer timer : timers) {
      waiting.replace(timer.id(), timer);
    }
  }

  @Override
  public synchronized void postpone(String id, Instant dueAt) {
    waiting.computeIfPresent(id, (key, t) -> new Timer(key, t.kind(), t.payload(), dueAt));
  }

  @Override
  public synchronized int pendingCount() {
    return waiting.size();
  }
}
