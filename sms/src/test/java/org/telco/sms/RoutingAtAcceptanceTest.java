package org.telco.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.messaging.InMemoryHandsetInbox;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.OperatorProfiles;

/**
 * Messages are routed in the journal's write: by the time the sender hears a message was accepted
 * it is already in the inbox, waiting for its peer, or undeliverable; only what an older run left
 * ACCEPTED is routed by the dispatcher.
 */
class RoutingAtAcceptanceTest {
  private static final OperatorId ALPHA = new OperatorId("alpha");
  private static final OperatorId BETA = new OperatorId("beta");
  private static final String ALICE = "8613800000001";
  private static final String CAROL = "8613800000003";
  private static final String NOBODY = "8613800000009";
  private static final String BOB = "8618600000001";

  private final InMemoryHandsetInbox inbox = new InMemoryHandsetInbox();
  private final InMemorySmsStore store = new InMemorySmsStore(inbox);
  private SmsCentre alpha;

  @AfterEach
  void stop() {
    if (alpha != null) {
      alpha.close();
    }
  }

  @Test
  void anAcceptedMessageIsAlreadyRouted() {
    alpha = centre();

    String local = alpha.sendFromHandset(ALICE, CAROL, "hi");
    String forPeer = alpha.sendFromHandset(ALICE, BOB, "hi");
    String unroutable = alpha.sendFromHandset(ALICE, NOBODY, "hi");

    assertThat(alpha.find(local).orElseThrow().state()).isEqualTo(MessageState.DELIVERED);
    assertThat(inbox.messagesFor(CAROL, 10)).extracting(m -> m.id()).containsExactly(local);
    assertThat(alpha.find(forPeer).orElseThrow().state()).isEqualTo(MessageState.AWAITING_PEER);
    assertThat(alpha.find(unroutable).orElseThrow())
        .extracting(MessageRecord::state, MessageRecord::route)
        .containsExactly(MessageState.UNDELIVERABLE, "none:not-in-service");
  }

  @Test
  void whatAnOlderRunLeftAcceptedIsRoutedByTheDispatcherOnce() throws Exception {
    ShortMessage left =
        new ShortMessage(
            "old:1", new Origin.Handset(ALICE), ALICE, CAROL, "left", false, Instant.now());
    store.accept(List.of(left));

    alpha = centre();
    eventually(() -> alpha.find("old:1").orElseThrow().state() == MessageState.DELIVERED);

    Thread.sleep(300);
    assertThat(inbox.messagesFor(CAROL, 10)).extracting(m -> m.id()).containsExactly("old:1");
  }

  @Test
  void aPeersBatchReceivedTwiceIsDeliveredOnce() {
    alpha = centre();
    ShortMessage message =
        new ShortMessage(
            "beta:1", new Origin.Esme("bank"), "BANK", CAROL, "code", true, Instant.now());

    assertThat(alpha.receiveFromPeer(BETA, List.of(message)))
        .containsEntry("beta:1", MessageState.DELIVERED);
    assertThat(alpha.receiveFromPeer(BETA, List.of(message)))
        .containsEntry("beta:1", MessageState.DELIVERED);

    assertThat(inbox.messagesFor(CAROL, 10)).hasSize(1);
    assertThat(alpha.find("beta:1").orElseThrow().message().origin())
        .isEqualTo(new Origin.Peer(BETA));
    assertThat(alpha.owedTo("bank", 10)).isEmpty();
  }

  private SmsCentre centre() {
    PeerLink down =
        (operator, messages) -> {
          throw new IllegalStateException("no link");
        };
    return new SmsCentre(
        store,
        new SmsRouter(
            ALPHA,
            NumberOwners.byRanges(OperatorProfiles.allInOne()),
            Set.of(ALICE, CAROL)::contains,
            new ShortCodes()),
        down,
        List.of(BETA),
        Clock.systemUTC(),
        System::nanoTime);
  }

  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 15 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
