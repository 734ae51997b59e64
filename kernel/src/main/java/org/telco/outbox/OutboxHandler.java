package org.telco.outbox;

/**
 * Delivers the messages of one topic to their recipient. Handlers must be idempotent, by message id
 * or by an id inside the payload: a crash after the handler returned but before the delivery was
 * recorded delivers the message again.
 *
 * <p>Throw only for failures a retry can cure (the peer is down, a timeout). A message that can
 * never be delivered should be logged and accepted, because a failing message holds back the later
 * messages of its topic.
 */
@FunctionalInterface
public interface OutboxHandler {
  /**
   * Delivers the message. Throwing leaves it to be retried with backoff.
   *
   * @param message the message that is due
   */
  void deliver(OutboxMessage message) throws Exception;
}
