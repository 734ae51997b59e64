package org.telco.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.telco.outbox.FlatJson;
import org.telco.outbox.OutboxMessage;

/**
 * Turns short messages into outbox messages of topic {@value #TOPIC} and back, so a receipt or a
 * warning is written in the same transaction as the payment or charge it reports.
 *
 * <p>The payload is a flat JSON object ({@link FlatJson}): {@code {"id":"receipt:pay-42",
 * "from":"10086","to":"8613800000001","text":"...","at":"2026-01-01T00:00:00Z"}}. The message id is
 * {@code "sms:" + id}.
 */
public final class SmsMessages {
  /** The outbox topic of short messages. */
  public static final String TOPIC = "sms";

  private SmsMessages() {}

  /** The outbox message carrying {@code sms}, created (and due) when the SMS was sent. */
  public static OutboxMessage message(SmsMessage sms) {
    SequencedMap<String, String> fields = new LinkedHashMap<>();
    fields.put("id", sms.id());
    fields.put("from", sms.from());
    fields.put("to", sms.to());
    fields.put("text", sms.text());
    fields.put("at", sms.at().toString());
    return OutboxMessage.of(TOPIC + ":" + sms.id(), TOPIC, FlatJson.write(fields), sms.at());
  }

  /**
   * One outbox message carrying several short messages, sent in order when it is delivered, due at
   * {@code due}: one row for a batch of, say, emergency-credit bills instead of one each. Each SMS
   * keeps its own id, so the sender sends it once however often a batch holding it is delivered.
   * The payload is the messages' payloads a line each.
   *
   * @param batchId the batch's id, which must name its messages (a digest of their ids, say)
   * @param due when it may be sent (after quiet hours, say)
   * @throws IllegalArgumentException when {@code messages} is empty
   */
  public static OutboxMessage batch(String batchId, List<SmsMessage> messages, Instant due) {
    String payload =
        OutboxMessage.batchPayload(messages.stream().map(sms -> message(sms).payload()).toList());
    return new OutboxMessage(
        TOPIC + ":" + batchId, TOPIC, payload, messages.getFirst().at(), 0, due);
  }

  /**
   * The short messages a message of topic {@value #TOPIC} carries: one for a single SMS's message,
   * all of them, in order, for a {@link #batch}.
   *
   * @throws IllegalArgumentException if the message is of another topic or a line is not an SMS
   */
  public static List<SmsMessage> smsAll(OutboxMessage message) {
    return message.items().stream().map(SmsMessages::sms).toList();
  }

  /**
   * The short message carried by a message of topic {@value #TOPIC}.
   *
   * @throws IllegalArgumentException if the message is of another topic or its payload is not a
   *     short message
   */
  public static SmsMessage sms(OutboxMessage message) {
    if (!TOPIC.equals(message.topic())) {
      throw new IllegalArgumentException(
          "message " + message.id() + " is of topic " + message.topic() + ", not " + TOPIC);
    }
    Map<String, String> fields = FlatJson.read(message.payload());
    try {
      return new SmsMessage(
          field(fields, "id"),
          field(fields, "from"),
          field(fields, "to"),
          field(fields, "text"),
          Instant.parse(field(fields, "at")));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("SMS payload has a bad time", e);
    }
  }

  private static String field(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException("SMS payload lacks " + name);
    }
    return value;
  }
}
