package org.telco.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.messaging.InMemoryHandsetInbox;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.OperatorProfiles;

/**
 * A peer centre that is down: messages wait, stored, while it is; a restarted centre over the same
 * store picks them up; once the peer is back each reaches the handset once.
 */
class StoreAndForwardTest {
  private static final OperatorId ALPHA = new OperatorId("alpha");
  private static final OperatorId BETA = new OperatorId("beta");
  private static final String ALICE = "8613800000001";
  private static final String BOB = "8618600000001";

  private final InMemoryHandsetInbox betaInbox = new InMemoryHandsetInbox();
  private final SmsCentre beta = centre(BETA, new InMemorySmsStore(betaInbox), Set.of(BOB), null);
  private final AtomicBoolean betaUp = new AtomicBoolean(false);
  private final AtomicInteger attempts = new AtomicInteger();
  private final InMemorySmsStore alphaStore = new InMemorySmsStore(new InMemoryHandsetInbox());
  private SmsCentre alpha = centre(ALPHA, alphaStore, Set.of(ALICE), link());

  @AfterEach
  void stop() {
    alpha.close();
    beta.close();
  }

  @Test
  void messagesWaitForADownPeerAcrossARestartAndArriveOnce() throws Exception {
    String first = alpha.sendFromHandset(ALICE, BOB, "one");
    String second = alpha.sendFromHandset(ALICE, BOB, "two");
    eventually(() -> attempts.get() >= 2); // tried, failed, backing off
    assertThat(alpha.find(first).orElseThrow().state()).isEqualTo(MessageState.AWAITING_PEER);

    alpha.close(); // a restart: a new centre over the same (durable) store
    alpha = centre(ALPHA, alphaStore, Set.of(ALICE), link());
    betaUp.set(true);

    eventually(() -> betaInbox.messagesFor(BOB, 10).size() == 2);
    assertThat(alpha.find(first).orElseThrow().state()).isEqualTo(MessageState.DELIVERED);
    assertThat(alpha.find(second).orElseThrow().route()).isEqualTo("peer:beta");
    Thread.sleep(300); // nothing more arrives
    assertThat(betaInbox.messagesFor(BOB, 10))
        .extracting(m -> m.text())
        .containsExactlyInAnyOrder("one", "two"); // each once; two forwarder lanes may swap them
  }

  /** Beta's centre when it is up; a failure, as a broken connection would be, when it is not. */
  private PeerLink link() {
    return (operator, messages) -> {
      attempts.incrementAndGet();
      if (!betaUp.get()) {
        throw new IllegalStateException("connection refused");
      }
      return beta.receiveFromPeer(ALPHA, messages);
    };
  }

  private static SmsCentre centre(
      OperatorId self, SmsStore store, Set<String> subscribers, PeerLink link) {
    PeerLink none =
        (operator, messages) -> {
          throw new IllegalStateException("no link");
        };
    return new SmsCentre(
        store,
        new SmsRouter(
            self,
            NumberOwners.byRanges(OperatorProfiles.allInOne()),
            subscribers::contains,
            new ShortCodes()),
        link == null ? none : link,
        List.of(ALPHA, BETA).stream().filter(o -> !o.equals(self)).toList(),
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
