package org.telco.messaging;

/**
 * Sends short messages to handsets (port). {@link InboxSmsSender} is the built-in one, which puts
 * them straight into the {@link HandsetInbox}; the SMS centre will replace it.
 *
 * <p>Messages come through the outbox, at least once, so sending is idempotent by message id.
 * Failures a retry can cure are thrown as unchecked exceptions.
 */
public interface SmsSender {
  /** Sends the message; an id sent before changes nothing. */
  void send(SmsMessage message);
}
