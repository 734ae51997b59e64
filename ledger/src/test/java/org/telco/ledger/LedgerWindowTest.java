package org.telco.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A ledger holds only a window of the newest transfers; everything older is answered from the store
 * through its {@link Recall}. Windows of three transfers here, so a handful of transfers pushes
 * anything out, with {@link InMemoryLedgerStore} as the store every batch is committed to.
 */
class LedgerWindowTest {
  private static final int WINDOW = 3;
  private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");
  private static final AccountId OPERATOR = new AccountId(1);
  private static final AccountId CUSTOMER = new AccountId(2);
  private static final AccountId OTHER = new AccountId(3);

  private final InMemoryLedgerStore store = new InMemoryLedgerStore();
  private Ledger ledger;

  @BeforeEach
  void openAccounts() {
    ledger = Ledger.empty(WINDOW, Recall.from(store));
    ledger.open(
        List.of(
            new NewAccount(OPERATOR, Asset.CNY_FEN, Set.of(), "operator"),
            new NewAccount(
                CUSTOMER, Asset.CNY_FEN, Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS), "c"),
            new NewAccount(OTHER, Asset.CNY_FEN, Set.of(), "other")),
        T0);
    submit(TransferRequest.posted(id("fund"), OPERATOR, CUSTOMER, 10_000, 0));
  }

  @Test
  void holdsNoMoreThanTheWindowHoweverManyTransfersItCommits() {
    for (int i = 0; i < 1_000; i++) {
      submit(TransferRequest.pending(id("p" + i), CUSTOMER, OPERATOR, 5, 3_600, 0));
      submit(TransferRequest.postPending(id("c" + i), id("p" + i), 2));
    }

    assertThat(ledger.heldTransfers()).isEqualTo(WINDOW);
    assertThat(ledger.openPendings()).isEmpty();
    assertThat(ledger.account(CUSTOMER).orElseThrow().debitsPosted()).isEqualTo(2_000);
    assertThat(ledger.account(CUSTOMER).orElseThrow().debitsPending()).isZero();
    ledger.checkInvariants();
  }

  @Test
  void aRetryInsideTheWindowIsAReplay() {
    TransferRequest request = TransferRequest.posted(id("t1"), CUSTOMER, OPERATOR, 10, 0);
    submit(request);

    TransferResult again = submit(request);

    assertThat(again).isInstanceOf(TransferResult.Accepted.class);
    assertThat(((TransferResult.Accepted) again).replayed()).isTrue();
    assertThat(ledger.account(CUSTOMER).orElseThrow().debitsPosted()).isEqualTo(10);
  }

  @Test
  void aRetryLongAfterIsAReplayEvenWhenTodaysBalanceWouldRefuseIt() {
    TransferRequest spend = TransferRequest.posted(id("spend"), CUSTOMER, OPERATOR, 9_000, 0);
    submit(spend);
    pushOutOfTheWindow();
    submit(TransferRequest.posted(id("rest"), CUSTOMER, OPERATOR, 997, 0));

    assertThat(submit(spend)).isEqualTo(new TransferResult.Accepted(stored("spend"), true));
    assertThat(submit(TransferRequest.posted(id("spend"), CUSTOMER, OPERATOR, 9_001, 0)))
        .isEqualTo(rejected("spend", TransferRejection.EXISTS_WITH_DIFFERENT_FIELDS));
    assertThat(submit(TransferRequest.posted(id("more"), CUSTOMER, OPERATOR, 9_000, 0)))
        .isEqualTo(rejected("more", TransferRejection.EXCEEDS_CREDITS));
    assertThat(ledger.account(CUSTOMER).orElseThrow().debitsPosted()).isEqualTo(10_000);
  }

  @Test
  void aPendingTransferStillPendingNeverLeavesAndCanBePostedLater() {
    submit(TransferRequest.pending(id("hold"), CUSTOMER, OPERATOR, 500, 0, 0));
    pushOutOfTheWindow();

    TransferResult post = submit(TransferRequest.postPending(id("take"), id("hold"), 300));

    assertThat(post).isInstanceOf(TransferResult.Accepted.class);
    Account customer = ledger.account(CUSTOMER).orElseThrow();
    assertThat(customer.debitsPending()).isZero();
    assertThat(customer.debitsPosted()).isEqualTo(300 + 3);
    assertThat(ledger.pendingStatus(id("hold"))).contains(PendingStatus.POSTED);
  }

  @Test
  void aPendingTransferPostedLongAgoIsAnsweredFromTheStore() {
    submit(TransferRequest.pending(id("hold"), CUSTOMER, OPERATOR, 500, 3_600, 0));
    TransferRequest post = TransferRequest.postPending(id("take"), id("hold"), 0);
    submit(post);
    pushOutOfTheWindow();
    assertThat(ledger.pendingStatus(id("hold"))).isEmpty();

    assertThat(submit(TransferRequest.voidPending(id("undo"), id("hold"))))
        .isEqualTo(rejected("undo", TransferRejection.PENDING_TRANSFER_ALREADY_POSTED));
    TransferResult retried = submit(post);
    assertThat(retried).isInstanceOf(TransferResult.Accepted.class);
    assertThat(((TransferResult.Accepted) retried).replayed()).isTrue();
    assertThat(ledger.expire(id("hold"), T0.plusSeconds(7_200)))
        .isEqualTo(rejected("expiry:hold", TransferRejection.PENDING_TRANSFER_ALREADY_POSTED));
    assertThat(ledger.account(CUSTOMER).orElseThrow().debitsPosted()).isEqualTo(500 + 3);
  }

  @Test
  void aPendingTransferExpiredLongAgoReplaysItsExpiry() {
    submit(TransferRequest.pending(id("hold"), CUSTOMER, OPERATOR, 500, 60, 0));
    TransferResult expired = ledger.expire(id("hold"), T0.plusSeconds(60));
    store.commit(ledger.drainChanges());
    ledger.trimWindow();
    pushOutOfTheWindow();

    assertThat(ledger.expire(id("hold"), T0.plusSeconds(90)))
        .isEqualTo(
            new TransferResult.Accepted(((TransferResult.Accepted) expired).transfer(), true));
    assertThat(submit(TransferRequest.postPending(id("late"), id("hold"), 0)))
        .isEqualTo(rejected("late", TransferRejection.PENDING_TRANSFER_EXPIRED));
    assertThat(ledger.account(CUSTOMER).orElseThrow().debitsPending()).isZero();
  }

  @Test
  void theTimerAsksNothingOfTheStoreForAPendingTransferNoLongerHeld() {
    submit(TransferRequest.pending(id("hold"), CUSTOMER, OPERATOR, 500, 60, 0));
    submit(TransferRequest.voidPending(id("undo"), id("hold")));
    pushOutOfTheWindow();

    assertThat(ledger.expireIfHeld(id("hold"), T0.plusSeconds(60)))
        .isEqualTo(rejected("expiry:hold", TransferRejection.PENDING_TRANSFER_NOT_FOUND));
    assertThat(ledger.expire(id("hold"), T0.plusSeconds(60)))
        .isEqualTo(rejected("expiry:hold", TransferRejection.PENDING_TRANSFER_ALREADY_VOIDED));
  }

  @Test
  void postingSomethingThatIsNoPendingTransferIsStillToldApart() {
    pushOutOfTheWindow();

    assertThat(submit(TransferRequest.postPending(id("x"), id("fund"), 0)))
        .isEqualTo(rejected("x", TransferRejection.PENDING_TRANSFER_NOT_PENDING));
    assertThat(submit(TransferRequest.postPending(id("y"), id("never"), 0)))
        .isEqualTo(rejected("y", TransferRejection.PENDING_TRANSFER_NOT_FOUND));
  }

  @Test
  void aRetriedPendingTransferStillPendingIsAReplayLongAfter() {
    TransferRequest hold = TransferRequest.pending(id("hold"), CUSTOMER, OPERATOR, 500, 0, 0);
    submit(hold);
    pushOutOfTheWindow();

    TransferResult again = submit(hold);

    assertThat(again).isInstanceOf(TransferResult.Accepted.class);
    assertThat(((TransferResult.Accepted) again).replayed()).isTrue();
    assertThat(submit(TransferRequest.posted(id("hold"), CUSTOMER, OPERATOR, 1, 0)))
        .isEqualTo(rejected("hold", TransferRejection.EXISTS_WITH_DIFFERENT_FIELDS));
    assertThat(ledger.account(CUSTOMER).orElseThrow().debitsPending()).isEqualTo(500);
  }

  @Test
  void aBatchKeepsItsTransfersHeldUntilTrimmedAfterItsCommit() {
    TransferRequest first = TransferRequest.posted(id("first"), CUSTOMER, OPERATOR, 1, 0);
    for (int i = 0; i < 2 * WINDOW; i++) {
      ledger.submit(
          List.of(i == 0 ? first : TransferRequest.posted(id("b" + i), CUSTOMER, OPERATOR, 1, 0)),
          T0);
    }

    TransferResult retried = ledger.submit(List.of(first), T0).getFirst();

    assertThat(retried).isInstanceOf(TransferResult.Accepted.class);
    assertThat(((TransferResult.Accepted) retried).replayed()).isTrue();
    assertThat(ledger.heldTransfers()).isEqualTo(1 + 2 * WINDOW);
    store.commit(ledger.drainChanges());
    ledger.trimWindow();
    assertThat(ledger.heldTransfers()).isEqualTo(WINDOW);
  }

  @Test
  void aRefusedBatchIsTakenBackWhole() {
    submit(TransferRequest.pending(id("hold"), CUSTOMER, OPERATOR, 500, 0, 0));
    List<Account> before = List.copyOf(ledger.accounts());
    int held = ledger.heldTransfers();
    ledger.open(List.of(new NewAccount(new AccountId(9), Asset.CNY_FEN, Set.of(), "new")), T0);
    ledger.submit(
        List.of(
            TransferRequest.posted(id("x1"), CUSTOMER, new AccountId(9), 70, 0),
            TransferRequest.postPending(id("x2"), id("hold"), 100),
            TransferRequest.pending(id("x3"), CUSTOMER, OPERATOR, 30, 0, 0)),
        T0);

    ledger.undo(ledger.drainChanges());

    assertThat(ledger.accounts()).isEqualTo(before);
    assertThat(ledger.heldTransfers()).isEqualTo(held);
    assertThat(ledger.pendingStatus(id("hold"))).contains(PendingStatus.PENDING);
    assertThat(ledger.openPendings()).containsExactly(id("hold"));
    assertThat(submit(TransferRequest.postPending(id("x2"), id("hold"), 100)))
        .isInstanceOf(TransferResult.Accepted.class);
    ledger.checkInvariants();
  }

  @Test
  void historyBeyondTheWindowIsLeftToTheStore() {
    List<Transfer> committed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      TransferResult result = submit(TransferRequest.posted(id("h" + i), CUSTOMER, OTHER, 1, 0));
      committed.add(((TransferResult.Accepted) result).transfer());
    }

    assertThat(ledger.transfersOf(OTHER, 10))
        .containsExactly(committed.get(4), committed.get(3), committed.get(2));
    assertThat(ledger.holdsNewestOf(OTHER, 3)).isTrue();
    assertThat(ledger.holdsNewestOf(OTHER, 4)).isFalse();
    assertThat(store.transfersOf(OTHER, 10)).containsExactlyElementsOf(committed.reversed());
  }

  @Test
  void aLinkedChainLongerThanTheWindowStillRollsBackWhole() {
    Account before = ledger.account(CUSTOMER).orElseThrow();

    List<TransferResult> results =
        ledger.submit(
            List.of(
                TransferRequest.posted(id("a"), CUSTOMER, OTHER, 1, 0).linked(),
                TransferRequest.posted(id("b"), CUSTOMER, OTHER, 1, 0).linked(),
                TransferRequest.posted(id("c"), CUSTOMER, OTHER, 1, 0).linked(),
                TransferRequest.posted(id("d"), CUSTOMER, OTHER, 1, 0).linked(),
                TransferRequest.posted(id("e"), CUSTOMER, OTHER, 1_000_000, 0)),
            T0);

    assertThat(results).allMatch(TransferResult.Rejected.class::isInstance);
    assertThat(ledger.account(CUSTOMER)).contains(before);
    assertThat(ledger.heldTransfers()).isLessThanOrEqualTo(WINDOW);
    ledger.checkInvariants();
  }

  @Test
  void aRestartHoldsTheWindowTheOpenPendingsAndWhatTheNewestResolve() {
    submit(TransferRequest.pending(id("open"), CUSTOMER, OPERATOR, 70, 0, 0));
    submit(TransferRequest.pending(id("hold"), CUSTOMER, OPERATOR, 500, 0, 0));
    pushOutOfTheWindow();
    submit(TransferRequest.postPending(id("take"), id("hold"), 0));

    LedgerSnapshot snapshot = store.load(WINDOW);
    Ledger restored = Ledger.restore(snapshot, WINDOW, Recall.from(store));

    assertThat(snapshot.transfers()).extracting(Transfer::id).contains(id("open"), id("hold"));
    assertThat(snapshot.accountsWithOlderTransfers()).contains(CUSTOMER, OPERATOR);
    assertThat(restored.heldTransfers()).isEqualTo(WINDOW);
    assertThat(restored.accounts()).isEqualTo(ledger.accounts());
    assertThat(restored.openPendings()).containsExactly(id("open"));
    assertThat(restored.pendingStatus(id("hold"))).contains(PendingStatus.POSTED);
    assertThat(restored.holdsNewestOf(CUSTOMER, 100)).isFalse();
    assertThat(restored.transfersOf(CUSTOMER, 100))
        .extracting(Transfer::id)
        .containsExactly(id("take"), id("filler-2"), id("filler-1"));
    assertThat(restored.submit(List.of(TransferRequest.postPending(id("p2"), id("open"), 0)), T0))
        .singleElement()
        .isInstanceOf(TransferResult.Accepted.class);
  }

  private void pushOutOfTheWindow() {
    for (int i = 0; i < WINDOW; i++) {
      submit(TransferRequest.posted(id("filler-" + i), CUSTOMER, OPERATOR, 1, 0));
    }
  }

  private TransferResult submit(TransferRequest request) {
    TransferResult result = ledger.submit(List.of(request), T0).getFirst();
    store.commit(ledger.drainChanges());
    ledger.trimWindow();
    return result;
  }

  private Transfer stored(String value) {
    return store.transfer(id(value)).orElseThrow();
  }

  private static TransferResult rejected(String id, TransferRejection reason) {
    return new TransferResult.Rejected(id(id), reason);
  }

  private static TransferId id(String value) {
    return new TransferId(value);
  }
}
