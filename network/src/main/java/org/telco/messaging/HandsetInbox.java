package org.telco.messaging;

import java.util.List;

/**
 * The messages each handset has received (port), so that demos, terminal agents and tests can read
 * a subscriber's SMS without a phone. {@link InMemoryHandsetInbox} is the reference implementation;
 * the PostgreSQL one passes the same contract suite.
 */
public interface HandsetInbox {
  /** Puts the message in its recipient's inbox; a message id delivered before changes nothing. */
  void deliver(SmsMessage message);

  /**
   * The newest {@code limit} messages to {@code msisdn}, newest first by {@link SmsMessage#at()};
   * messages of the same instant come in reverse delivery order.
   */
  List<SmsMessage> messagesFor(String msisdn, int limit);
}
