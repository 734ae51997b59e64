package org.telco.messaging;

/**
 * Sends short messages to handsets (port). An operator's SMS centre is the platform's; {@link
 * InboxSmsSender}, which puts them straight into the {@link HandsetInbox}, is the simplest.
 *
 * <p>Messages come through the outbox, at least once, so sending is idempotent by message id.
 * Failures a retry can cure are thrown as unchecked exceptions.
 */
public interface SmsSender {
  /** Sends the message; an id sent before changes nothing. */
  void send(SmsMessage message);
}
