package org.telco.time;

import java.time.Instant;
import java.util.Objects;

/**
 * A durable timer: something that must happen at {@code dueAt}, even across restarts.
 *
 * <p>It is written in the same database transaction as the state change that needs it, so the
 * change and its timer exist together or not at all. The id is the idempotency key: scheduling the
 * same id twice keeps the first timer.
 *
 * @param id unique key, conventionally {@code kind + ":" + subject}
 * @param kind selects the {@link TimerHandler}
 * @param payload what the handler needs, such as a transfer id; may be empty
 * @param dueAt when it should fire
 */
public record Timer(String id, String kind, String payload, Instant dueAt) {
  /** Requires every field. */
  public Timer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(dueAt, "dueAt");
    if (id.isBlank() || kind.isBlank()) {
      throw new IllegalArgumentException("timer id and kind must not be blank");
    }
  }
}
