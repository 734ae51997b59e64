package org.telco.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference {@link Outbox}: undelivered messages in enqueue order, guarded by the outbox's
 * monitor. Delivered ids are remembered so that enqueuing them again changes nothing. Errors passed
 * to {@link #retryLater} are not kept; the relay logs them.
 */
public final class InMemoryOutbox implements Outbox {
  private final Map<String, OutboxMessage> pending = new LinkedHashMap<>();
  private final Map<String, Instant> delivered = new LinkedHashMap<>();

  @Override
  public synchronized void enqueue(OutboxMessage message) {
    if (!delivered.containsKey(message.id())) {
      pending.putIfAbsent(message.id(), message);
    }
  }

  @Override
  public synchronized List<OutboxMessage> due(Instant now, int limit) {
    List<OutboxMessage> result = new ArrayList<>();
    Set<String> heldBack = new HashSet<>();
    for (OutboxMessage message : pending.values()) {
      if (result.size() == limit) {
        break;
      }
      if (message.nextAttemptAt().isAfter(now)) {
        heldBack.add(message.topic());
      } else if (!heldBack.contains(message.topic())) {
        result.add(message);
      }
    }
    return result;
  }

  @Override
  public synchronized void delivered(String id, Instant at) {
    if (pending.remove(id) != null) {
      delivered.put(id, at);
    }
  }

  @Override
  public synchronized void retryLater(String id, Instant nextAttemptAt, String error) {
    pending.computeIfPresent(
        id,
        (key, m) ->
            new OutboxMessage(
                key, m.topic(), m.payload(), m.createdAt(), m.attempts() + 1, nextAttemptAt));
  }

  @Override
  public synchronized int pendingCount() {
    return pending.size();
  }
}
