package org.telco.network;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.telco.outbox.FlatJson;
import org.telco.outbox.OutboxMessage;

/**
 * Turns network commands into outbox messages of topic {@value #TOPIC} and back.
 *
 * <p>The payload is a flat JSON object ({@link FlatJson}) naming the kind, such as {@code
 * {"kind":"bar","commandId":"bar:8613800000001:2026-02","msisdn":"8613800000001",
 * "reason":"unpaid-fee"}}; only {@code bar} has a reason. The message id is {@code
 * "network.command:" + commandId}, so enqueuing a command twice keeps one message.
 */
public final class NetworkCommands {
  /** The outbox topic of network commands. */
  public static final String TOPIC = "network.command";

  private static final String BAR = "bar";
  private static final String UNBAR = "unbar";
  private static final String TERMINATE_DATA_SESSIONS = "terminate-data-sessions";

  private NetworkCommands() {}

  /** The outbox message carrying {@code command}, created (and due) at {@code at}. */
  public static OutboxMessage message(NetworkCommand command, Instant at) {
    return OutboxMessage.of(TOPIC + ":" + command.commandId(), TOPIC, payload(command), at);
  }

  /**
   * One outbox message carrying several commands, applied in order when it is delivered: one row
   * for a whole batch of, say, emergency-credit unbars instead of one each. Each command keeps its
   * own id, so the gateway applies it once however often the batch, or another batch holding it, is
   * delivered. The payload is the commands' payloads a line each (a payload holds no raw line
   * break: {@code FlatJson} escapes it).
   *
   * @param batchId the batch's id, which must name its commands (a digest of their ids, say): a
   *     batch with another composition needs another id, or the outbox would keep only the first
   * @throws IllegalArgumentException when {@code commands} is empty
   */
  public static OutboxMessage batch(String batchId, List<NetworkCommand> commands, Instant at) {
    String payload =
        OutboxMessage.batchPayload(commands.stream().map(NetworkCommands::payload).toList());
    return OutboxMessage.of(TOPIC + ":" + batchId, TOPIC, payload, at);
  }

  /**
   * The commands a message of topic {@value #TOPIC} carries: one for a single command's message,
   * all of them, in order, for a {@link #batch}.
   *
   * @throws IllegalArgumentException if the message is of another topic or a line is not a command
   */
  public static List<NetworkCommand> commands(OutboxMessage message) {
    return message.items().stream().map(NetworkCommands::command).toList();
  }

  /**
   * The command carried by a message of topic {@value #TOPIC}.
   *
   * @throws IllegalArgumentException if the message is of another topic or its payload is not a
   *     command
   */
  public static NetworkCommand command(OutboxMessage message) {
    if (!TOPIC.equals(message.topic())) {
      throw new IllegalArgumentException(
          "message " + message.id() + " is of topic " + message.topic() + ", not " + TOPIC);
    }
    Map<String, String> fields = FlatJson.read(message.payload());
    return command(
        field(fields, "kind"),
        field(fields, "commandId"),
        field(fields, "msisdn"),
        fields.get("reason"));
  }

  /** The payload text of {@code command}. */
  public static String payload(NetworkCommand command) {
    SequencedMap<String, String> fields = new LinkedHashMap<>();
    fields.put("kind", kind(command));
    fields.put("commandId", command.commandId());
    fields.put("msisdn", command.msisdn());
    switch (command) {
      case NetworkCommand.Bar bar -> fields.put("reason", bar.reason());
      case NetworkCommand.Unbar unbar -> {}
      case NetworkCommand.TerminateDataSessions terminate -> {}
    }
    return FlatJson.write(fields);
  }

  /** The name of the command's kind in payloads and tables: {@code bar}, {@code unbar} or ... */
  public static String kind(NetworkCommand command) {
    return switch (command) {
      case NetworkCommand.Bar bar -> BAR;
      case NetworkCommand.Unbar unbar -> UNBAR;
      case NetworkCommand.TerminateDataSessions terminate -> TERMINATE_DATA_SESSIONS;
    };
  }

  /**
   * The command of the named kind.
   *
   * @param reason required for {@code bar}, ignored otherwise
   * @throws IllegalArgumentException for an unknown kind or invalid fields
   */
  public static NetworkCommand command(
      String kind, String commandId, String msisdn, String reason) {
    return switch (kind) {
      case BAR -> {
        if (reason == null) {
          throw new IllegalArgumentException("bar command " + commandId + " lacks a reason");
        }
        yield new NetworkCommand.Bar(commandId, msisdn, reason);
      }
      case UNBAR -> new NetworkCommand.Unbar(commandId, msisdn);
      case TERMINATE_DATA_SESSIONS -> new NetworkCommand.TerminateDataSessions(commandId, msisdn);
      default -> throw new IllegalArgumentException("unknown network command kind: " + kind);
    };
  }

  private static String field(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException("network command payload lacks " + name);
    }
    return value;
  }
}
