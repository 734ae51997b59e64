package org.telco.messaging;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.telco.outbox.OutboxHandler;
import org.telco.outbox.OutboxMessage;

/**
 * Delivers outbox messages of topic {@value SmsMessages#TOPIC} to the SMS sender. It is idempotent
 * because the sender is, by SMS id.
 *
 * <p>Sender failures are thrown, so the relay retries. A payload that is not a short message can
 * never be delivered; it is logged as severe and accepted, rather than holding back every later
 * message behind it.
 */
public final class SmsHandler implements OutboxHandler {
  private static final Logger LOG = Logger.getLogger(SmsHandler.class.getName());

  private final SmsSender sender;

  /** A handler sending through {@code sender}. */
  public SmsHandler(SmsSender sender) {
    this.sender = sender;
  }

  @Override
  public void deliver(OutboxMessage message) {
    List<SmsMessage> all;
    try {
      all = SmsMessages.smsAll(message);
    } catch (IllegalArgumentException e) {
      LOG.log(Level.SEVERE, "dropping outbox message " + message.id() + ": not an SMS", e);
      return;
    }
    for (SmsMessage sms : all) {
      sender.send(sms);
    }
  }
}
