package org.telco.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A message to another party (an SMS, a network command, a notification to another node), written
 * in the same transaction as the state change that calls for it and delivered afterwards, at least
 * once, by the {@link OutboxRelay}.
 *
 * <p>The id is the idempotency key: enqueuing an id that exists keeps the first message, and
 * handlers receive the id so that they, too, can ignore a second delivery. By convention it starts
 * with the topic, such as {@code network.command:bar:8613800000001:2026-02}.
 *
 * @param id unique key of the message and of its effect
 * @param topic selects the {@link OutboxHandler}
 * @param payload what the handler needs, as text (JSON for the built-in topics); opaque to the
 *     outbox
 * @param createdAt when the state change that wrote it happened
 * @param attempts deliveries that failed so far
 * @param nextAttemptAt not delivered before this instant
 */
public record OutboxMessage(
    String id,
    String topic,
    String payload,
    Instant createdAt,
    int attempts,
    Instant nextAttemptAt) {
  /** Requires every field; ids and topics are not blank and attempts are not negative. */
  public OutboxMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    if (id.isBlank() || topic.isBlank()) {
      throw new IllegalArgumentException("outbox message id and topic must not be blank");
    }
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative: " + attempts);
    }
  }

  /**
   * The payload of a batch: the items' payloads a line each. An item's payload must hold no raw
   * line break, as {@link FlatJson} payloads never do (it escapes one).
   *
   * @throws IllegalArgumentException when there are no items, or an item holds a line break
   */
  public static String batchPayload(List<String> items) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a batch holds at least one item");
    }
    for (String item : items) {
      if (item.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("a batch item holds a line break");
      }
    }
    return String.join("\n", items);
  }

  /**
   * What the message carries, one message per item: itself for a single payload, one per line (same
   * id, topic and creation time) for a {@link #batchPayload batch}, so a topic's decoder reads
   * either the same way.
   */
  public List<OutboxMessage> items() {
    if (payload.indexOf('\n') < 0) {
      return List.of(this);
    }
    List<OutboxMessage> items = new ArrayList<>();
    for (String line : payload.split("\n", -1)) {
      items.add(new OutboxMessage(id, topic, line, createdAt, 0, createdAt));
    }
    return items;
  }

  /** A new message, due at once: no attempts yet, first attempt at {@code createdAt}. */
  public static OutboxMessage of(String id, String topic, String payload, Instant createdAt) {
    return new OutboxMessage(id, topic, payload, createdAt, 0, createdAt);
  }
}
