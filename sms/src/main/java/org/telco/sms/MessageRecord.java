package org.telco.sms;

import java.time.Instant;
import java.util.Objects;

/**
 * A message with where it stands, as the store keeps it and {@code GET /api/v1/sms/messages} shows
 * it.
 *
 * @param message the message as accepted
 * @param state where it stands
 * @param route the route taken ({@link Route#describe()}), or null before routing
 * @param updatedAt when the state last changed
 */
public record MessageRecord(
    ShortMessage message, MessageState state, String route, Instant updatedAt) {
  /** Requires message, state and time. */
  public MessageRecord {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
