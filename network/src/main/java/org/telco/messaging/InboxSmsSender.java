package org.telco.messaging;

/**
 * The built-in {@link SmsSender}: it delivers each message straight into the recipient's {@link
 * HandsetInbox}, as if the network had carried it. Idempotent because the inbox is. The SMS centre
 * (SMPP) will replace it.
 */
public final class InboxSmsSender implements SmsSender {
  private final HandsetInbox inbox;

  /** A sender delivering into {@code inbox}. */
  public InboxSmsSender(HandsetInbox inbox) {
    this.inbox = inbox;
  }

  @Override
  public void send(SmsMessage message) {
    inbox.deliver(message);
  }
}
