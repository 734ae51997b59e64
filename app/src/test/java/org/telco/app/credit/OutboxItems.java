package org.telco.app.credit;

import java.util.ArrayList;
import java.util.List;
import org.telco.messaging.SmsMessage;
import org.telco.messaging.SmsMessages;
import org.telco.network.NetworkCommand;
import org.telco.network.NetworkCommands;
import org.telco.outbox.OutboxMessage;

/**
 * What outbox messages carry, one entry per command or SMS, batches opened: {@code
 * network.command:<command id>} and {@code sms:<sms id>}, the ids a single command's or SMS's
 * message has. Tests count and find notices by these, however they were batched.
 */
final class OutboxItems {
  private OutboxItems() {}

  /** The items of {@code messages}, in order. */
  static List<String> ids(List<OutboxMessage> messages) {
    List<String> ids = new ArrayList<>();
    for (OutboxMessage message : messages) {
      switch (message.topic()) {
        case NetworkCommands.TOPIC -> {
          for (NetworkCommand command : NetworkCommands.commands(message)) {
            ids.add(NetworkCommands.TOPIC + ":" + command.commandId());
          }
        }
        case SmsMessages.TOPIC -> {
          for (SmsMessage sms : SmsMessages.smsAll(message)) {
            ids.add(SmsMessages.TOPIC + ":" + sms.id());
          }
        }
        default -> ids.add(message.id());
      }
    }
    return ids;
  }
}
