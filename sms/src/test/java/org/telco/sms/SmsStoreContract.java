package org.telco.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telco.messaging.HandsetInbox;
import org.telco.messaging.SmsMessage;
import org.telco.subscriber.OperatorId;

/**
 * The behaviour every {@link SmsStore} shares; each implementation extends this suite. {@link
 * InMemorySmsStore} is the reference, so a failure here on another store is a difference to fix
 * there.
 */
public abstract class SmsStoreContract {
  /** Has microseconds, the finest time a store must keep. */
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00.123456Z");

  private static final String ALICE = "8613800000001";
  private static final String BOB = "8613800000002";
  private static final String CAROL = "8613800000003";
  private static final String SHORT_CODE = "10690";
  private static final OperatorId BETA = new OperatorId("beta");
  private static final OperatorId GAMMA = new OperatorId("gamma");

  private SmsStore store;
  private HandsetInbox inbox;

  /**
   * A store under test and the inbox it delivers into (for a database store, an inbox reading the
   * same database).
   */
  public record Subject(SmsStore store, HandsetInbox inbox) {}

  /** A fresh, empty store for one test. */
  protected abstract Subject newSubject();

  @BeforeEach
  void openStore() {
    Subject subject = newSubject();
    store = subject.store();
    inbox = subject.inbox();
  }

  @Test
  void acceptStoresNewMessagesAsAcceptedWithoutRouteInListOrder() {
    ShortMessage second = fromHandset("m:2", ALICE, BOB, 5);
    ShortMessage first = fromHandset("m:1", ALICE, BOB, 9);

    store.accept(List.of(second, first));

    assertThat(store.find("m:2"))
        .contains(new MessageRecord(second, MessageState.ACCEPTED, null, second.acceptedAt()));
    assertThat(store.find("m:1"))
        .contains(new MessageRecord(first, MessageState.ACCEPTED, null, first.acceptedAt()));
    assertThat(store.toRoute(10)).containsExactly(second, first);
  }

  @Test
  void acceptingAKnownIdAgainLeavesItAsItIs() {
    ShortMessage original = fromHandset("m:1", ALICE, BOB, 0);
    store.accept(List.of(original));
    store.settle(List.of(step(original, MessageState.AWAITING_PEER, "peer:beta", 1)));

    store.accept(List.of(fromHandset("m:1", CAROL, ALICE, 7), original));

    assertThat(store.find("m:1"))
        .contains(new MessageRecord(original, MessageState.AWAITING_PEER, "peer:beta", at(1)));
    assertThat(store.toRoute(10)).isEmpty();
    assertThat(store.messagesOf(CAROL, 10)).isEmpty();
  }

  @Test
  void duplicatesWithinOneBatchKeepTheFirst() {
    ShortMessage first = fromHandset("m:1", ALICE, BOB, 0);
    ShortMessage other = fromHandset("m:2", ALICE, BOB, 1);

    store.accept(List.of(first, other, fromHandset("m:1", CAROL, ALICE, 2)));

    assertThat(store.toRoute(10)).containsExactly(first, other);
  }

  @Test
  void acceptingNothingChangesNothing() {
    store.accept(List.of());

    assertThat(store.toRoute(10)).isEmpty();
    assertThat(store.messagesOf(ALICE, 10)).isEmpty();
  }

  @Test
  void everyFieldOfAMessageComesBackExactly() {
    List<ShortMessage> messages =
        List.of(
            new ShortMessage(
                "esme-1", new Origin.Esme("bank1"), "BANK", ALICE, "验证码 123456，请勿泄露", true, T0),
            new ShortMessage(
                "hs.2", new Origin.Handset(ALICE), ALICE, SHORT_CODE, "BAL", false, at(1)),
            new ShortMessage(
                "svc_3",
                new Origin.Service("notices"),
                "10086",
                BOB,
                "\"ok\"\nthanks",
                false,
                at(2)),
            new ShortMessage("peer:beta:4", new Origin.Peer(BETA), BOB, ALICE, "", false, at(3)),
            new ShortMessage(
                "A-5",
                new Origin.Esme("shop"),
                "Shop 24.7",
                BOB,
                "x".repeat(1_600),
                false,
                T0.plusNanos(999_999_000)));

    store.accept(messages);

    assertThat(store.toRoute(10)).containsExactlyElementsOf(messages);
    for (ShortMessage message : messages) {
      assertThat(store.find(message.id()).orElseThrow().message()).isEqualTo(message);
    }
  }

  @Test
  void toRouteGivesOnlyAcceptedMessagesOldestFirstUpToTheLimit() {
    ShortMessage m1 = fromHandset("m:1", ALICE, BOB, 0);
    ShortMessage m2 = fromHandset("m:2", ALICE, BOB, 0);
    ShortMessage m3 = fromHandset("m:3", ALICE, BOB, 0);
    ShortMessage m4 = fromHandset("m:4", ALICE, BOB, 0);
    store.accept(List.of(m1, m2));
    store.accept(List.of(m3, m4));
    store.settle(List.of(step(m2, MessageState.AWAITING_PEER, "peer:beta", 1)));

    assertThat(store.toRoute(2)).containsExactly(m1, m3);
    assertThat(store.toRoute(10)).containsExactly(m1, m3, m4);
  }

  @Test
  void awaitingPeerGivesOnlyThatPeersWaitingMessagesOldestFirst() {
    ShortMessage m1 = fromHandset("m:1", ALICE, BOB, 0);
    ShortMessage m2 = fromHandset("m:2", ALICE, BOB, 0);
    ShortMessage m3 = fromHandset("m:3", ALICE, BOB, 0);
    ShortMessage m4 = fromHandset("m:4", ALICE, BOB, 0);
    ShortMessage m5 = fromHandset("m:5", ALICE, BOB, 0);
    store.accept(List.of(m1, m2, m3, m4, m5));
    store.settle(
        List.of(
            step(m4, MessageState.AWAITING_PEER, "peer:beta", 1),
            step(m1, MessageState.AWAITING_PEER, "peer:beta", 2),
            step(m2, MessageState.AWAITING_PEER, "peer:gamma", 2),
            step(m3, MessageState.AWAITING_PEER, "peer:beta", 2)));
    store.settle(List.of(step(m3, MessageState.DELIVERED, "peer:beta", 3)));

    assertThat(store.awaitingPeer(BETA, 10)).containsExactly(m1, m4);
    assertThat(store.awaitingPeer(BETA, 1)).containsExactly(m1);
    assertThat(store.awaitingPeer(GAMMA, 10)).containsExactly(m2);
    assertThat(store.awaitingPeer(new OperatorId("delta"), 10)).isEmpty();
  }

  @Test
  void settleAppliesStateRouteAndTime() {
    ShortMessage message = fromHandset("m:1", ALICE, BOB, 0);
    store.accept(List.of(message));

    store.settle(List.of(step(message, MessageState.UNDELIVERABLE, "none:unknown number", 4)));

    assertThat(store.find("m:1"))
        .contains(
            new MessageRecord(message, MessageState.UNDELIVERABLE, "none:unknown number", at(4)));
    assertThat(inbox.messagesFor(BOB, 10)).isEmpty();
  }

  @Test
  void deliveringIntoTheInboxPutsTheMessageThereWithTheStep() {
    ShortMessage message =
        new ShortMessage("m:1", new Origin.Esme("bank1"), "BANK", BOB, "到账 100 元", false, T0);
    ShortMessage notForInbox = fromHandset("m:2", ALICE, CAROL, 0);
    store.accept(List.of(message, notForInbox));

    store.settle(
        List.of(
            new Settlement(message, MessageState.DELIVERED, "handset", at(3), true),
            new Settlement(notForInbox, MessageState.DELIVERED, "service:10086", at(3), false)));

    assertThat(store.find("m:1"))
        .contains(new MessageRecord(message, MessageState.DELIVERED, "handset", at(3)));
    assertThat(inbox.messagesFor(BOB, 10))
        .containsExactly(new SmsMessage("m:1", "BANK", BOB, "到账 100 元", at(3)));
    assertThat(inbox.messagesFor(CAROL, 10)).isEmpty();
  }

  @Test
  void aFinalMessageKeepsItsStateAndIsNotPutIntoTheInboxAgain() {
    ShortMessage delivered = fromHandset("m:1", ALICE, BOB, 0);
    ShortMessage failed = fromHandset("m:2", ALICE, BOB, 0);
    store.accept(List.of(delivered, failed));
    store.settle(
        List.of(
            new Settlement(delivered, MessageState.DELIVERED, "handset", at(1), true),
            step(failed, MessageState.UNDELIVERABLE, "none:unknown number", 1)));

    store.settle(
        List.of(
            new Settlement(delivered, MessageState.DELIVERED, "handset", at(2), true),
            new Settlement(failed, MessageState.DELIVERED, "handset", at(2), true),
            step(delivered, MessageState.AWAITING_PEER, "peer:beta", 2)));

    assertThat(store.find("m:1"))
        .contains(new MessageRecord(delivered, MessageState.DELIVERED, "handset", at(1)));
    assertThat(store.find("m:2"))
        .contains(
            new MessageRecord(failed, MessageState.UNDELIVERABLE, "none:unknown number", at(1)));
    assertThat(inbox.messagesFor(BOB, 10))
        .containsExactly(new SmsMessage("m:1", ALICE, BOB, "hello m:1", at(1)));
  }

  @Test
  void settlingAnUnknownMessageIsIgnored() {
    ShortMessage unknown = fromHandset("m:unknown", ALICE, BOB, 0);

    store.settle(
        List.of(
            new Settlement(unknown, MessageState.DELIVERED, "handset", at(1), true),
            step(unknown, MessageState.AWAITING_RECEIVER, "esme:bank1", 1)));

    assertThat(store.find("m:unknown")).isEmpty();
    assertThat(inbox.messagesFor(BOB, 10)).isEmpty();
    assertThat(store.owedTo("bank1", 10)).isEmpty();
  }

  @Test
  void aMessageMovesThroughSeveralStepsUntilItIsFinal() {
    ShortMessage message = fromHandset("m:1", ALICE, BOB, 0);
    store.accept(List.of(message));

    store.settle(List.of(step(message, MessageState.AWAITING_PEER, "peer:beta", 1)));
    assertThat(store.find("m:1"))
        .contains(new MessageRecord(message, MessageState.AWAITING_PEER, "peer:beta", at(1)));

    store.settle(List.of(step(message, MessageState.DELIVERED, "peer:beta", 2)));
    assertThat(store.find("m:1"))
        .contains(new MessageRecord(message, MessageState.DELIVERED, "peer:beta", at(2)));
    assertThat(store.awaitingPeer(BETA, 10)).isEmpty();
  }

  @Test
  void stepsOfOneMessageInOneBatchApplyInOrderUntilItIsFinal() {
    ShortMessage on = fromHandset("m:1", ALICE, BOB, 0);
    ShortMessage stops = fromHandset("m:2", ALICE, CAROL, 0);
    store.accept(List.of(on, stops));

    store.settle(
        List.of(
            step(on, MessageState.AWAITING_PEER, "peer:beta", 1),
            new Settlement(stops, MessageState.DELIVERED, "handset", at(1), true),
            new Settlement(on, MessageState.DELIVERED, "handset", at(2), true),
            step(stops, MessageState.AWAITING_PEER, "peer:beta", 2),
            new Settlement(stops, MessageState.DELIVERED, "handset", at(3), true)));

    assertThat(store.find("m:1"))
        .contains(new MessageRecord(on, MessageState.DELIVERED, "handset", at(2)));
    assertThat(store.find("m:2"))
        .contains(new MessageRecord(stops, MessageState.DELIVERED, "handset", at(1)));
    assertThat(inbox.messagesFor(BOB, 10)).extracting(SmsMessage::at).containsExactly(at(2));
    assertThat(inbox.messagesFor(CAROL, 10)).extracting(SmsMessage::at).containsExactly(at(1));
  }

  @Test
  void aFinalMessageWithAReceiptRequestedIsOwedToItsEsmeOnly() {
    ShortMessage message = fromEsme("e:1", "bank1", true, 0);
    ShortMessage noReceipt = fromEsme("e:2", "bank1", false, 0);
    ShortMessage fromHandset = fromHandset("m:3", ALICE, BOB, 0);
    store.accept(List.of(message, noReceipt, fromHandset));

    store.settle(
        List.of(
            new Settlement(message, MessageState.DELIVERED, "handset", at(1), true),
            new Settlement(noReceipt, MessageState.DELIVERED, "handset", at(1), true),
            new Settlement(fromHandset, MessageState.DELIVERED, "handset", at(1), true)));

    assertThat(store.owedTo("bank1", 10))
        .containsExactly(
            new EsmeDelivery(
                new MessageRecord(message, MessageState.DELIVERED, "handset", at(1)),
                EsmeDelivery.Kind.RECEIPT));
    assertThat(store.owedTo("shop", 10)).isEmpty();
  }

  @Test
  void aMessageToAReceiversShortCodeIsOwedToThatReceiverAsItStandsNow() {
    ShortMessage message = fromHandset("m:1", ALICE, SHORT_CODE, 0);
    store.accept(List.of(message));

    store.settle(List.of(step(message, MessageState.AWAITING_RECEIVER, "esme:shop", 2)));

    assertThat(store.owedTo("shop", 10))
        .containsExactly(
            new EsmeDelivery(
                new MessageRecord(message, MessageState.AWAITING_RECEIVER, "esme:shop", at(2)),
                EsmeDelivery.Kind.MOBILE_ORIGINATED));
    assertThat(store.owedTo("bank1", 10)).isEmpty();
  }

  @Test
  void whatIsOwedComesInSettlementOrderUpToTheLimit() {
    ShortMessage m1 = fromHandset("m:1", ALICE, SHORT_CODE, 0);
    ShortMessage m2 = fromHandset("m:2", ALICE, SHORT_CODE, 0);
    ShortMessage m3 = fromHandset("m:3", ALICE, SHORT_CODE, 0);
    ShortMessage m4 = fromHandset("m:4", ALICE, SHORT_CODE, 0);
    store.accept(List.of(m1, m2, m3, m4));

    store.settle(List.of(step(m3, MessageState.AWAITING_RECEIVER, "esme:shop", 1)));
    store.settle(
        List.of(
            step(m4, MessageState.AWAITING_RECEIVER, "esme:shop", 2),
            step(m1, MessageState.AWAITING_RECEIVER, "esme:shop", 2),
            step(m2, MessageState.AWAITING_RECEIVER, "esme:other", 2)));

    assertThat(owedIds("shop", 10)).containsExactly("m:3", "m:4", "m:1");
    assertThat(owedIds("shop", 2)).containsExactly("m:3", "m:4");
    assertThat(owedIds("other", 10)).containsExactly("m:2");
  }

  @Test
  void aLaterStepReplacesWhatIsOwed() {
    ShortMessage dropped = fromHandset("m:1", ALICE, SHORT_CODE, 0);
    ShortMessage receipted = fromEsme("e:2", "bank1", true, 0);
    store.accept(List.of(dropped, receipted));
    store.settle(
        List.of(
            step(dropped, MessageState.AWAITING_RECEIVER, "esme:shop", 1),
            step(receipted, MessageState.AWAITING_RECEIVER, "esme:shop", 1)));

    store.settle(
        List.of(
            step(dropped, MessageState.UNDELIVERABLE, "none:receiver gone", 2),
            step(receipted, MessageState.UNDELIVERABLE, "none:receiver gone", 2)));

    assertThat(store.owedTo("shop", 10)).isEmpty();
    assertThat(store.owedTo("bank1", 10))
        .containsExactly(
            new EsmeDelivery(
                new MessageRecord(
                    receipted, MessageState.UNDELIVERABLE, "none:receiver gone", at(2)),
                EsmeDelivery.Kind.RECEIPT));
  }

  @Test
  void handingOverAMessageToAShortCodeDeliversIt() {
    ShortMessage message = fromHandset("m:1", ALICE, SHORT_CODE, 0);
    ShortMessage stillOwed = fromHandset("m:2", ALICE, SHORT_CODE, 0);
    store.accept(List.of(message, stillOwed));
    store.settle(
        List.of(
            step(message, MessageState.AWAITING_RECEIVER, "esme:shop", 1),
            step(stillOwed, MessageState.AWAITING_RECEIVER, "esme:shop", 1)));
    List<EsmeDelivery> handed = store.owedTo("shop", 1);

    store.handedOver(handed, at(5));
    store.handedOver(handed, at(9));

    assertThat(store.find("m:1"))
        .contains(new MessageRecord(message, MessageState.DELIVERED, "esme:shop", at(5)));
    assertThat(owedIds("shop", 10)).containsExactly("m:2");
  }

  @Test
  void handingOverAReceiptClearsItAndLeavesTheMessageAsItIs() {
    ShortMessage message = fromEsme("e:1", "bank1", true, 0);
    store.accept(List.of(message));
    store.settle(List.of(step(message, MessageState.UNDELIVERABLE, "none:unknown number", 1)));

    store.handedOver(store.owedTo("bank1", 10), at(5));

    assertThat(store.owedTo("bank1", 10)).isEmpty();
    assertThat(store.find("e:1"))
        .contains(
            new MessageRecord(message, MessageState.UNDELIVERABLE, "none:unknown number", at(1)));
  }

  @Test
  void handingOverClearsOnlyWhatIsOwedOfThatKind() {
    ShortMessage message = fromEsme("e:1", "bank1", true, 0);
    store.accept(List.of(message));
    store.settle(List.of(step(message, MessageState.AWAITING_RECEIVER, "esme:shop", 1)));
    EsmeDelivery owed = store.owedTo("shop", 10).getFirst();

    store.handedOver(List.of(new EsmeDelivery(owed.record(), EsmeDelivery.Kind.RECEIPT)), at(5));
    assertThat(store.owedTo("shop", 10)).containsExactly(owed);

    store.settle(List.of(step(message, MessageState.DELIVERED, "esme:shop", 6)));
    store.handedOver(List.of(owed), at(7));
    assertThat(owedIds("bank1", 10)).containsExactly("e:1");
    assertThat(store.find("e:1").orElseThrow().updatedAt()).isEqualTo(at(6));
  }

  @Test
  void findOfAnUnknownIdIsEmpty() {
    assertThat(store.find("m:nothing")).isEmpty();
  }

  @Test
  void messagesOfAnAddressComeNewestFirstUpToTheLimit() {
    ShortMessage m1 = fromHandset("m:1", ALICE, BOB, 0);
    ShortMessage m2 = fromHandset("m:2", BOB, ALICE, 0);
    ShortMessage m3 = fromHandset("m:3", BOB, CAROL, 0);
    ShortMessage m4 = fromHandset("m:4", ALICE, ALICE, 0);
    ShortMessage m5 = fromHandset("m:5", CAROL, ALICE, 0);
    store.accept(List.of(m1, m2, m3));
    store.accept(List.of(m4, m5));
    store.settle(List.of(new Settlement(m2, MessageState.DELIVERED, "handset", at(3), true)));

    assertThat(store.messagesOf(ALICE, 10))
        .extracting(r -> r.message().id())
        .containsExactly("m:5", "m:4", "m:2", "m:1");
    assertThat(store.messagesOf(ALICE, 2))
        .extracting(r -> r.message().id())
        .containsExactly("m:5", "m:4");
    assertThat(store.messagesOf(ALICE, 10).get(2))
        .isEqualTo(new MessageRecord(m2, MessageState.DELIVERED, "handset", at(3)));
    assertThat(store.messagesOf("8613800000009", 10)).isEmpty();
  }

  @Test
  void acceptingFromSeveralThreadsAtOnceLosesNothing() throws Exception {
    int threads = 8;
    int batches = 10;
    int perBatch = 50;
    List<ShortMessage> shared = new ArrayList<>();
    for (int i = 0; i < perBatch; i++) {
      shared.add(fromHandset("shared:" + i, ALICE, BOB, i));
    }
    List<Callable<Void>> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      writers.add(
          () -> {
            store.accept(shared);
            for (int b = 0; b < batches; b++) {
              List<ShortMessage> batch = new ArrayList<>();
              for (int i = 0; i < perBatch; i++) {
                batch.add(fromHandset("t" + thread + ":" + b + ":" + i, ALICE, BOB, i));
              }
              store.accept(batch);
            }
            return null;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (Future<Void> done : pool.invokeAll(writers)) {
        done.get();
      }
    } finally {
      pool.shutdown();
    }

    List<ShortMessage> all = store.toRoute(100_000);
    assertThat(all).hasSize(threads * batches * perBatch + perBatch).doesNotHaveDuplicates();
    assertThat(all).filteredOn(m -> m.id().startsWith("shared:")).containsExactlyElementsOf(shared);
  }

  @Test
  void aNewMessageRoutedIntoAHandsetIsStoredDeliveredAndInTheInboxOnce() {
    ShortMessage message =
        new ShortMessage("m:1", new Origin.Esme("bank1"), "BANK", BOB, "到账 100 元", false, T0);

    store.acceptRouted(
        List.of(new Settlement(message, MessageState.DELIVERED, "handset", at(3), true)));
    store.acceptRouted(
        List.of(new Settlement(message, MessageState.DELIVERED, "handset", at(4), true)));

    assertThat(store.find("m:1"))
        .contains(new MessageRecord(message, MessageState.DELIVERED, "handset", at(3)));
    assertThat(inbox.messagesFor(BOB, 10))
        .containsExactly(new SmsMessage("m:1", "BANK", BOB, "到账 100 元", at(3)));
    assertThat(store.toRoute(10)).isEmpty();
  }

  @Test
  void acceptingRoutedLeavesAKnownIdAsItIs() {
    ShortMessage accepted = fromHandset("m:1", ALICE, BOB, 0);
    ShortMessage delivered = fromHandset("m:2", ALICE, BOB, 0);
    store.accept(List.of(accepted));
    store.acceptRouted(List.of(step(delivered, MessageState.UNDELIVERABLE, "none:x", 1)));

    store.acceptRouted(
        List.of(
            new Settlement(accepted, MessageState.DELIVERED, "handset", at(2), true),
            new Settlement(delivered, MessageState.DELIVERED, "handset", at(2), true)));

    assertThat(store.find("m:1"))
        .contains(new MessageRecord(accepted, MessageState.ACCEPTED, null, at(0)));
    assertThat(store.find("m:2"))
        .contains(new MessageRecord(delivered, MessageState.UNDELIVERABLE, "none:x", at(1)));
    assertThat(store.toRoute(10)).containsExactly(accepted);
    assertThat(inbox.messagesFor(BOB, 10)).isEmpty();
  }

  @Test
  void ofTwoRoutedArrivalsWithOneIdTheFirstWins() {
    ShortMessage first = fromHandset("m:1", ALICE, BOB, 0);
    ShortMessage second = new ShortMessage("m:1", first.origin(), ALICE, CAROL, "other", false, T0);

    store.acceptRouted(
        List.of(
            new Settlement(first, MessageState.DELIVERED, "handset", at(1), true),
            new Settlement(second, MessageState.DELIVERED, "handset", at(2), true)));

    assertThat(store.find("m:1"))
        .contains(new MessageRecord(first, MessageState.DELIVERED, "handset", at(1)));
    assertThat(inbox.messagesFor(BOB, 10)).hasSize(1);
    assertThat(inbox.messagesFor(CAROL, 10)).isEmpty();
  }

  @Test
  void aNewMessageRoutedToAPeerAwaitsItInListOrder() {
    ShortMessage later = fromHandset("m:1", ALICE, BOB, 9);
    ShortMessage earlier = fromHandset("m:2", ALICE, CAROL, 1);
    ShortMessage other = fromHandset("m:3", ALICE, CAROL, 1);

    store.acceptRouted(
        List.of(
            step(later, MessageState.AWAITING_PEER, "peer:beta", 1),
            step(other, MessageState.AWAITING_PEER, "peer:gamma", 1),
            step(earlier, MessageState.AWAITING_PEER, "peer:beta", 1)));

    assertThat(store.awaitingPeer(BETA, 10)).containsExactly(later, earlier);
    assertThat(store.awaitingPeer(GAMMA, 10)).containsExactly(other);
    assertThat(store.toRoute(10)).isEmpty();

    store.settle(List.of(step(later, MessageState.DELIVERED, "peer:beta", 2)));
    assertThat(store.awaitingPeer(BETA, 10)).containsExactly(earlier);
    assertThat(store.find("m:1"))
        .contains(new MessageRecord(later, MessageState.DELIVERED, "peer:beta", at(2)));
  }

  @Test
  void whatRoutedArrivalsOweIsOwedToTheirEsmeInListOrder() {
    ShortMessage failed = fromEsme("e:1", "bank1", true, 0);
    ShortMessage noReceipt = fromEsme("e:2", "bank1", false, 0);
    ShortMessage delivered = fromEsme("e:3", "bank1", true, 0);
    ShortMessage toReceiver = fromHandset("m:4", ALICE, SHORT_CODE, 0);
    ShortMessage waiting = fromEsme("e:5", "bank1", true, 0);

    store.acceptRouted(
        List.of(
            step(failed, MessageState.UNDELIVERABLE, "none:unknown-number", 1),
            step(noReceipt, MessageState.UNDELIVERABLE, "none:unknown-number", 1),
            new Settlement(delivered, MessageState.DELIVERED, "handset", at(1), true),
            step(toReceiver, MessageState.AWAITING_RECEIVER, "esme:shop", 1),
            step(waiting, MessageState.AWAITING_PEER, "peer:beta", 1)));

    assertThat(store.owedTo("bank1", 10))
        .containsExactly(
            new EsmeDelivery(
                new MessageRecord(failed, MessageState.UNDELIVERABLE, "none:unknown-number", at(1)),
                EsmeDelivery.Kind.RECEIPT),
            new EsmeDelivery(
                new MessageRecord(delivered, MessageState.DELIVERED, "handset", at(1)),
                EsmeDelivery.Kind.RECEIPT));
    assertThat(store.owedTo("shop", 10))
        .containsExactly(
            new EsmeDelivery(
                new MessageRecord(toReceiver, MessageState.AWAITING_RECEIVER, "esme:shop", at(1)),
                EsmeDelivery.Kind.MOBILE_ORIGINATED));

    store.settle(List.of(step(waiting, MessageState.DELIVERED, "peer:beta", 2)));
    assertThat(owedIds("bank1", 10)).containsExactly("e:1", "e:3", "e:5");
  }

  @Test
  void theLanesOfWhatAwaitsAPeerSplitItByIdEachOldestFirst() {
    List<Settlement> steps = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      steps.add(
          step(fromHandset("m:" + i, ALICE, BOB, i), MessageState.AWAITING_PEER, "peer:beta", 1));
    }
    store.acceptRouted(steps);
    List<ShortMessage> all = store.awaitingPeer(BETA, 100);

    List<ShortMessage> lanes = new ArrayList<>();
    for (int lane = 0; lane < 3; lane++) {
      List<ShortMessage> one = store.awaitingPeer(BETA, lane, 3, 100);
      assertThat(one)
          .isSubsetOf(all)
          .isSortedAccordingTo((a, b) -> Integer.compare(all.indexOf(a), all.indexOf(b)));
      assertThat(store.awaitingPeer(BETA, lane, 3, 100)).isEqualTo(one);
      lanes.addAll(one);
    }
    assertThat(lanes).hasSize(40).containsExactlyInAnyOrderElementsOf(all);
    assertThat(store.awaitingPeer(BETA, 0, 1, 100)).isEqualTo(all);
  }

  @Test
  void acceptingNothingRoutedChangesNothing() {
    store.acceptRouted(List.of());

    assertThat(store.toRoute(10)).isEmpty();
  }

  private List<String> owedIds(String systemId, int limit) {
    return store.owedTo(systemId, limit).stream().map(d -> d.record().message().id()).toList();
  }

  private static ShortMessage fromHandset(String id, String from, String to, int seconds) {
    return new ShortMessage(
        id, new Origin.Handset(from), from, to, "hello " + id, false, at(seconds));
  }

  private static ShortMessage fromEsme(String id, String systemId, boolean receipt, int seconds) {
    return new ShortMessage(
        id, new Origin.Esme(systemId), "BANK", ALICE, "code " + id, receipt, at(seconds));
  }

  private static Settlement step(ShortMessage message, MessageState state, String route, int at) {
    return new Settlement(message, state, route, at(at), false);
  }

  private static Instant at(int seconds) {
    return T0.plusSeconds(seconds).truncatedTo(ChronoUnit.MICROS);
  }
}
