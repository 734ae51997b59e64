package org.telco.outbox;

import java.time.Instant;
import java.util.List;

/**
 * Where messages wait until they are delivered (port). {@link InMemoryOutbox} is the reference
 * implementation; the PostgreSQL one passes the same contract suite and can also be written inside
 * another store's transaction, which is the point of an outbox.
 *
 * <p>Messages of one topic are delivered in the order they were enqueued: a message waiting for a
 * retry holds back the later messages of its topic (but not those of other topics), so a retried
 * "bar" can never overtake the "unbar" that followed it.
 */
public interface Outbox {
  /** Adds a message; a message with the same id, delivered or not, is left as it is. */
  void enqueue(OutboxMessage message);

  /**
   * Adds messages in list order, each as {@link #enqueue} would. Stores override it to write a
   * batch at once: a billing run enqueues a notice for each of a million subscribers.
   */
  default void enqueueAll(List<OutboxMessage> messages) {
    for (OutboxMessage message : messages) {
      enqueue(message);
    }
  }

  /**
   * Messages ready for delivery at {@code now}, in the order they were enqueued: not delivered,
   * {@code nextAttemptAt} reached, and no earlier message of the same topic still waiting for its
   * next attempt.
   */
  List<OutboxMessage> due(Instant now, int limit);

  /** Records the delivery; the message is never due again. Unknown or delivered ids are ignored. */
  void delivered(String id, Instant at);

  /**
   * Records a failed delivery: one more attempt, and not due before {@code nextAttemptAt}. The
   * error is kept for operators where the implementation has room for it. Unknown or delivered ids
   * are ignored.
   */
  void retryLater(String id, Instant nextAttemptAt, String error);

  /** Messages not delivered yet; for monitoring and tests. */
  int pendingCount();
}
