package org.telco.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link Outbox} shares; each implementation extends this suite. */
public abstract class OutboxContract {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private Outbox outbox;

  /** A fresh, empty outbox for one test. */
  protected abstract Outbox newOutbox();

  @BeforeEach
  void openOutbox() {
    outbox = newOutbox();
  }

  @Test
  void newMessageIsDueAtOnceWithAllItsFields() {
    OutboxMessage message = OutboxMessage.of("sms:1", "sms", "{\"text\":\"hi\"}", T0);
    outbox.enqueue(message);

    assertThat(outbox.due(T0, 10)).containsExactly(message);
    assertThat(outbox.pendingCount()).isEqualTo(1);
  }

  @Test
  void messageIsDueOnlyFromItsNextAttempt() {
    outbox.enqueue(new OutboxMessage("sms:1", "sms", "", T0, 0, T0.plusSeconds(60)));

    assertThat(outbox.due(T0.plusSeconds(59), 10)).isEmpty();
    assertThat(outbox.due(T0.plusSeconds(60), 10)).extracting(OutboxMessage::id).contains("sms:1");
  }

  @Test
  void dueMessagesComeInEnqueueOrderUpToTheLimit() {
    outbox.enqueue(OutboxMessage.of("b:first", "b", "", T0.plusSeconds(5)));
    outbox.enqueue(OutboxMessage.of("a:second", "a", "", T0));
    outbox.enqueue(OutboxMessage.of("c:third", "c", "", T0.plusSeconds(1)));

    assertThat(outbox.due(T0.plusSeconds(10), 2))
        .extracting(OutboxMessage::id)
        .containsExactly("b:first", "a:second");
  }

  @Test
  void enqueueAllKeepsListOrderAndTheFirstCopyOfAnId() {
    outbox.enqueue(OutboxMessage.of("sms:known", "sms", "stored before", T0));
    outbox.enqueueAll(
        List.of(
            OutboxMessage.of("sms:2", "sms", "two", T0),
            OutboxMessage.of("sms:known", "sms", "again", T0),
            OutboxMessage.of("net:1", "net", "one", T0),
            OutboxMessage.of("sms:2", "sms", "duplicate in the batch", T0)));

    assertThat(outbox.due(T0, 10))
        .extracting(OutboxMessage::id, OutboxMessage::payload)
        .containsExactly(
            tuple("sms:known", "stored before"), tuple("sms:2", "two"), tuple("net:1", "one"));
    outbox.enqueueAll(List.of());
    assertThat(outbox.pendingCount()).isEqualTo(3);
  }

  @Test
  void enqueuingTheSameIdAgainKeepsTheFirstMessage() {
    outbox.enqueue(OutboxMessage.of("sms:1", "sms", "first", T0));
    outbox.enqueue(OutboxMessage.of("sms:1", "sms", "second", T0.plusSeconds(5)));

    assertThat(outbox.due(T0.plusSeconds(10), 10))
        .extracting(OutboxMessage::payload)
        .containsExactly("first");
    assertThat(outbox.pendingCount()).isEqualTo(1);
  }

  @Test
  void deliveredMessageNeverComesBackEvenIfEnqueuedAgain() {
    outbox.enqueue(OutboxMessage.of("sms:1", "sms", "", T0));
    outbox.delivered("sms:1", T0);
    outbox.enqueue(OutboxMessage.of("sms:1", "sms", "", T0));

    assertThat(outbox.due(T0.plusSeconds(10), 10)).isEmpty();
    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void retriedMessageCountsTheAttemptAndWaitsUntilItsNewTime() {
    outbox.enqueue(OutboxMessage.of("sms:1", "sms", "p", T0));
    outbox.retryLater("sms:1", T0.plusSeconds(30), "peer down");

    assertThat(outbox.due(T0.plusSeconds(29), 10)).isEmpty();
    assertThat(outbox.due(T0.plusSeconds(30), 10))
        .containsExactly(new OutboxMessage("sms:1", "sms", "p", T0, 1, T0.plusSeconds(30)));
    assertThat(outbox.pendingCount()).isEqualTo(1);
  }

  @Test
  void retryingADeliveredOrUnknownMessageChangesNothing() {
    outbox.enqueue(OutboxMessage.of("sms:1", "sms", "", T0));
    outbox.delivered("sms:1", T0);
    outbox.retryLater("sms:1", T0.plusSeconds(1), "late failure");
    outbox.retryLater("sms:unknown", T0.plusSeconds(1), "never enqueued");

    assertThat(outbox.due(T0.plusSeconds(10), 10)).isEmpty();
    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void waitingMessageHoldsBackLaterMessagesOfItsTopicOnly() {
    outbox.enqueue(OutboxMessage.of("net:bar", "net", "", T0));
    outbox.enqueue(OutboxMessage.of("sms:1", "sms", "", T0));
    outbox.enqueue(OutboxMessage.of("net:unbar", "net", "", T0.plusSeconds(1)));
    outbox.retryLater("net:bar", T0.plusSeconds(60), "gateway down");

    assertThat(outbox.due(T0.plusSeconds(2), 10))
        .extracting(OutboxMessage::id)
        .containsExactly("sms:1");
    assertThat(outbox.due(T0.plusSeconds(60), 10))
        .extracting(OutboxMessage::id)
        .containsExactly("net:bar", "sms:1", "net:unbar");
  }

  @Test
  void deliveredMessageNoLongerHoldsBackItsTopic() {
    outbox.enqueue(new OutboxMessage("net:bar", "net", "", T0, 0, T0.plusSeconds(60)));
    outbox.enqueue(OutboxMessage.of("net:unbar", "net", "", T0));

    assertThat(outbox.due(T0, 10)).isEmpty();
    outbox.delivered("net:bar", T0);
    assertThat(outbox.due(T0, 10)).extracting(OutboxMessage::id).containsExactly("net:unbar");
  }
}
