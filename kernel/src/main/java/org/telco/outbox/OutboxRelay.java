package org.telco.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers due outbox messages. Each call of {@link #relayOnce} hands every due message to the
 * handler of its topic and records the delivery only after the handler returned, so a crash in
 * between delivers it again (handlers are idempotent).
 *
 * <p>A failing handler, or a topic nobody handles, sends the message back to wait with exponential
 * backoff: 1 s after the first failure, doubling each time, at most 5 minutes. The rest of that
 * topic waits behind it, in this round and the next ones, which keeps each topic in order.
 *
 * <p>The caller decides how often to relay (the app uses a virtual thread), which keeps this class
 * free of threads and testable step by step with a simulated clock.
 */
public final class OutboxRelay {
  /** The wait after the first failed delivery. */
  public static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(1);

  /** The longest wait between two attempts, however many failed. */
  public static final Duration RETRY_DELAY_MAX = Duration.ofMinutes(5);

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
  private static final int BATCH_MAX = 500;

  private final Outbox outbox;
  private final Clock clock;
  private final Map<String, OutboxHandler> handlers;

  /** A relay dispatching by topic. */
  public OutboxRelay(Outbox outbox, Clock clock, Map<String, OutboxHandler> handlers) {
    this.outbox = outbox;
    this.clock = clock;
    this.handlers = Map.copyOf(handlers);
  }

  /**
   * The wait before the next attempt of a message that has failed {@code attempts} times before the
   * failure at hand: 1 s, 2 s, 4 s, ... up to {@link #RETRY_DELAY_MAX}.
   */
  public static Duration retryDelay(int attempts) {
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative: " + attempts);
    }
    long maxSeconds = RETRY_DELAY_MAX.toSeconds();
    long seconds = attempts >= 62 ? maxSeconds : FIRST_RETRY_DELAY.toSeconds() << attempts;
    return Duration.ofSeconds(Math.min(seconds, maxSeconds));
  }

  /**
   * Delivers what is due now.
   *
   * @return how many messages were delivered
   */
  public int relayOnce() {
    Instant now = clock.instant();
    List<OutboxMessage> due = outbox.due(now, BATCH_MAX);
    Set<String> heldBack = new HashSet<>();
    int deliveredCount = 0;
    for (OutboxMessage message : due) {
      if (heldBack.contains(message.topic())) {
        continue;
      }
      OutboxHandler handler = handlers.get(message.topic());
      if (handler == null) {
        LOG.warning(
            () -> "no handler for outbox topic " + message.topic() + "; retrying " + message.id());
        retryLater(message, now, "no handler for topic " + message.topic());
        heldBack.add(message.topic());
        continue;
      }
      try {
        handler.deliver(message);
      } catch (Exception e) {
        LOG.log(Level.WARNING, "outbox message " + message.id() + " failed; retrying later", e);
        retryLater(message, now, String.valueOf(e));
        heldBack.add(message.topic());
        continue;
      }
      outbox.delivered(message.id(), now);
      deliveredCount++;
    }
    return deliveredCount;
  }

  private void retryLater(OutboxMessage message, Instant now, String error) {
    outbox.retryLater(message.id(), now.plus(retryDelay(message.attempts())), error);
  }
}
