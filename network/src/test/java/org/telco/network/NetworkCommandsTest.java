package org.telco.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.telco.outbox.OutboxMessage;

class NetworkCommandsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static Stream<NetworkCommand> commands() {
    return Stream.of(
        new NetworkCommand.Bar("bar:8613800000001:2026-02", "8613800000001", "欠费 \"unpaid\"\n"),
        new NetworkCommand.Unbar("unbar:1", "8613800000001"),
        new NetworkCommand.TerminateDataSessions("term:1", "123456789012345"));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandComesBackFromItsOutboxMessage(NetworkCommand command) {
    OutboxMessage message = NetworkCommands.message(command, T0);

    assertThat(message.topic()).isEqualTo("network.command");
    assertThat(message.id()).isEqualTo("network.command:" + command.commandId());
    assertThat(message.nextAttemptAt()).isEqualTo(T0);
    assertThat(NetworkCommands.command(message)).isEqualTo(command);
  }

  @Test
  void payloadIsFlatJsonNamingTheKind() {
    assertThat(NetworkCommands.payload(new NetworkCommand.Bar("b:1", "8613800000001", "unpaid")))
        .isEqualTo(
            "{\"kind\":\"bar\",\"commandId\":\"b:1\",\"msisdn\":\"8613800000001\","
                + "\"reason\":\"unpaid\"}");
    assertThat(NetworkCommands.payload(new NetworkCommand.TerminateDataSessions("t:1", "12345678")))
        .isEqualTo(
            "{\"kind\":\"terminate-data-sessions\",\"commandId\":\"t:1\",\"msisdn\":\"12345678\"}");
  }

  @Test
  void messageOfAnotherTopicOrKindIsRejected() {
    OutboxMessage sms = OutboxMessage.of("sms:1", "sms", "{}", T0);
    OutboxMessage unknownKind =
        OutboxMessage.of(
            "network.command:x",
            "network.command",
            "{\"kind\":\"reboot\",\"commandId\":\"x\",\"msisdn\":\"8613800000001\"}",
            T0);
    OutboxMessage barWithoutReason =
        OutboxMessage.of(
            "network.command:b",
            "network.command",
            "{\"kind\":\"bar\",\"commandId\":\"b\",\"msisdn\":\"8613800000001\"}",
            T0);

    assertThatThrownBy(() -> NetworkCommands.command(sms))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NetworkCommands.command(unknownKind))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reboot");
    assertThatThrownBy(() -> NetworkCommands.command(barWithoutReason))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reason");
  }

  @Test
  void aBatchCarriesItsCommandsInOrderAndASingleMessageIsABatchOfOne() {
    Instant at = Instant.parse("2026-03-01T00:00:00Z");
    NetworkCommand first = new NetworkCommand.Unbar("advance:1", "8613800000001");
    NetworkCommand second = new NetworkCommand.Bar("fee:2", "8613800000002", "say \"no\"\nplease");
    OutboxMessage batch = NetworkCommands.batch("b-1", java.util.List.of(first, second), at);

    assertThat(batch.id()).isEqualTo("network.command:b-1");
    assertThat(batch.topic()).isEqualTo(NetworkCommands.TOPIC);
    assertThat(NetworkCommands.commands(batch)).containsExactly(first, second);
    assertThat(NetworkCommands.commands(NetworkCommands.message(first, at))).containsExactly(first);
    assertThatThrownBy(() -> NetworkCommands.batch("b-2", java.util.List.of(), at))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
