package org.telco.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.telco.time.SimulatedClock;

class OutboxRelayTest {
  private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

  private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final List<String> delivered = new ArrayList<>();

  @Test
  void dueMessageIsDeliveredOnceToTheHandlerOfItsTopic() {
    OutboxRelay relay =
        relay(
            Map.of(
                "sms", message -> delivered.add("sms " + message.payload()),
                "net", message -> delivered.add("net " + message.payload())));
    outbox.enqueue(OutboxMessage.of("sms:1", "sms", "hello", clock.instant()));

    assertThat(relay.relayOnce()).isEqualTo(1);
    assertThat(relay.relayOnce()).isZero();

    assertThat(delivered).containsExactly("sms hello");
    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void messageWaitingForLaterIsNotDeliveredEarly() {
    OutboxRelay relay = relay(Map.of("sms", message -> delivered.add(message.id())));
    Instant later = clock.instant().plusSeconds(60);
    outbox.enqueue(new OutboxMessage("sms:1", "sms", "", clock.instant(), 0, later));

    assertThat(relay.relayOnce()).isZero();
    clock.advance(Duration.ofSeconds(60));
    assertThat(relay.relayOnce()).isEqualTo(1);

    assertThat(delivered).containsExactly("sms:1");
  }

  @Test
  void failingHandlerIsRetriedWithBackoffUntilItSucceeds() {
    int[] attempts = {0};
    OutboxRelay relay =
        relay(
            Map.of(
                "net",
                message -> {
                  if (++attempts[0] <= 3) {
                    throw new IllegalStateException("gateway down");
                  }
                  delivered.add(message.id());
                }));
    Instant start = clock.instant();
    outbox.enqueue(OutboxMessage.of("net:1", "net", "", start));

    assertThat(relay.relayOnce()).isZero();
    assertThat(nextAttemptOf("net:1")).isEqualTo(start.plusSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(relay.relayOnce()).isZero();
    assertThat(nextAttemptOf("net:1")).isEqualTo(start.plusSeconds(1 + 2));
    clock.advance(Duration.ofSeconds(1));
    assertThat(relay.relayOnce()).as("not due yet").isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(relay.relayOnce()).isZero();
    assertThat(nextAttemptOf("net:1")).isEqualTo(start.plusSeconds(1 + 2 + 4));
    clock.advance(Duration.ofSeconds(4));
    assertThat(relay.relayOnce()).isEqualTo(1);

    assertThat(attempts[0]).isEqualTo(4);
    assertThat(delivered).containsExactly("net:1");
    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void backoffDoublesFromOneSecondUpToFiveMinutes() {
    assertThat(OutboxRelay.retryDelay(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(OutboxRelay.retryDelay(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(OutboxRelay.retryDelay(8)).isEqualTo(Duration.ofSeconds(256));
    assertThat(OutboxRelay.retryDelay(9)).isEqualTo(Duration.ofMinutes(5));
    assertThat(OutboxRelay.retryDelay(62)).isEqualTo(Duration.ofMinutes(5));
    assertThat(OutboxRelay.retryDelay(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void messageOfUnknownTopicStaysPendingAndIsRetriedLater() {
    OutboxRelay relay = relay(Map.of());
    outbox.enqueue(OutboxMessage.of("mystery:1", "mystery", "", clock.instant()));

    assertThat(relay.relayOnce()).isZero();

    assertThat(outbox.pendingCount()).isEqualTo(1);
    assertThat(nextAttemptOf("mystery:1")).isEqualTo(clock.instant().plusSeconds(1));
    assertThat(outbox.due(FAR_FUTURE, 1).getFirst().attempts()).isEqualTo(1);
  }

  @Test
  void failureHoldsBackLaterMessagesOfItsTopicButNotOtherTopics() {
    boolean[] gatewayUp = {false};
    OutboxRelay relay =
        relay(
            Map.of(
                "net",
                message -> {
                  if (!gatewayUp[0]) {
                    throw new IllegalStateException("gateway down");
                  }
                  delivered.add(message.id());
                },
                "sms",
                message -> delivered.add(message.id())));
    outbox.enqueue(OutboxMessage.of("net:bar", "net", "", clock.instant()));
    outbox.enqueue(OutboxMessage.of("net:unbar", "net", "", clock.instant()));
    outbox.enqueue(OutboxMessage.of("sms:1", "sms", "", clock.instant()));

    assertThat(relay.relayOnce()).isEqualTo(1);
    assertThat(delivered).containsExactly("sms:1");
    assertThat(outbox.due(FAR_FUTURE, 10))
        .extracting(OutboxMessage::id, OutboxMessage::attempts)
        .as("the held-back message did not count an attempt")
        .containsExactly(tuple("net:bar", 1), tuple("net:unbar", 0));

    gatewayUp[0] = true;
    assertThat(relay.relayOnce()).as("the unbar waits behind the bar").isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(relay.relayOnce()).isEqualTo(2);

    assertThat(delivered).containsExactly("sms:1", "net:bar", "net:unbar");
  }

  private Instant nextAttemptOf(String id) {
    return outbox.due(FAR_FUTURE, 100).stream()
        .filter(message -> message.id().equals(id))
        .findFirst()
        .orElseThrow()
        .nextAttemptAt();
  }

  private OutboxRelay relay(Map<String, OutboxHandler> handlers) {
    return new OutboxRelay(outbox, clock, handlers);
  }
}
