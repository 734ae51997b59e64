package org.telco.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.telco.outbox.InMemoryOutbox;
import org.telco.outbox.OutboxMessage;
import org.telco.outbox.OutboxRelay;
import org.telco.time.SimulatedClock;

/** Short messages travel from the outbox, through the relay, to the handset inbox. */
class SmsDeliveryTest {
  private static final String ALICE = "8613800000001";

  private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final InMemoryHandsetInbox inbox = new InMemoryHandsetInbox();

  @Test
  void smsComesBackFromItsOutboxMessage() {
    SmsMessage sms = new SmsMessage("receipt:1", "10086", ALICE, "余额 \"12.00\"\n", clock.instant());

    OutboxMessage message = SmsMessages.message(sms);

    assertThat(message.id()).isEqualTo("sms:receipt:1");
    assertThat(message.topic()).isEqualTo("sms");
    assertThat(SmsMessages.sms(message)).isEqualTo(sms);
  }

  @Test
  void payloadThatIsNotAnSmsIsRejected() {
    OutboxMessage noTime =
        OutboxMessage.of(
            "sms:1",
            "sms",
            "{\"id\":\"1\",\"from\":\"10086\",\"to\":\"" + ALICE + "\",\"text\":\"\",\"at\":\"x\"}",
            clock.instant());

    assertThatThrownBy(() -> SmsMessages.sms(noTime)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SmsMessages.sms(OutboxMessage.of("n:1", "net", "{}", clock.instant())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void smsEnqueuedInTheOutboxReachesTheHandsetOnceEvenWhenSentTwice() throws Exception {
    SmsHandler handler = new SmsHandler(new InboxSmsSender(inbox));
    OutboxRelay relay = new OutboxRelay(outbox, clock, Map.of(SmsMessages.TOPIC, handler));
    SmsMessage sms = new SmsMessage("receipt:1", "10086", ALICE, "paid", clock.instant());
    outbox.enqueue(SmsMessages.message(sms));

    assertThat(inbox.messagesFor(ALICE, 10)).isEmpty();
    assertThat(relay.relayOnce()).isEqualTo(1);
    handler.deliver(SmsMessages.message(sms));

    assertThat(inbox.messagesFor(ALICE, 10)).containsExactly(sms);
  }

  @Test
  void failingSenderIsRetriedByTheRelay() {
    int[] calls = {0};
    InboxSmsSender inboxSender = new InboxSmsSender(inbox);
    SmsSender flaky =
        message -> {
          if (++calls[0] == 1) {
            throw new IllegalStateException("SMS centre down");
          }
          inboxSender.send(message);
        };
    OutboxRelay relay =
        new OutboxRelay(outbox, clock, Map.of(SmsMessages.TOPIC, new SmsHandler(flaky)));
    outbox.enqueue(
        SmsMessages.message(new SmsMessage("warn:1", "10086", ALICE, "low", clock.instant())));

    assertThat(relay.relayOnce()).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(relay.relayOnce()).isEqualTo(1);

    assertThat(inbox.messagesFor(ALICE, 10)).extracting(SmsMessage::id).containsExactly("warn:1");
  }

  @Test
  void undeliverablePayloadIsAcceptedSoItHoldsNothingBack() {
    OutboxRelay relay =
        new OutboxRelay(
            outbox, clock, Map.of(SmsMessages.TOPIC, new SmsHandler(new InboxSmsSender(inbox))));
    outbox.enqueue(OutboxMessage.of("sms:broken", "sms", "not json", clock.instant()));
    SmsMessage next = new SmsMessage("m:2", "10086", ALICE, "next", clock.instant());
    outbox.enqueue(SmsMessages.message(next));

    assertThat(relay.relayOnce()).isEqualTo(2);

    assertThat(inbox.messagesFor(ALICE, 10)).containsExactly(next);
    assertThat(outbox.pendingCount()).isZero();
  }
}
