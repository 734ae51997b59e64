package org.telco.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telco.ledger.AccountFlag;
import org.telco.ledger.AccountId;
import org.telco.ledger.Asset;
import org.telco.ledger.ForwardingLedgerStore;
import org.telco.ledger.InMemoryLedgerStore;
import org.telco.ledger.LedgerBatch;
import org.telco.ledger.LedgerSnapshot;
import org.telco.ledger.LedgerStore;
import org.telco.ledger.LedgerStoreException;
import org.telco.ledger.NewAccount;
import org.telco.ledger.Transfer;
import org.telco.ledger.TransferId;
import org.telco.ledger.TransferRejection;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.time.SimulatedClock;

/**
 * The engine with shards that hold only four transfers each: whatever left a shard's window is
 * still answered as the store has it. Two shards; the accounts of family 1 and family 2 live on
 * different ones.
 */
class ShardedLedgerWindowTest {
  private static final EngineSettings TINY = EngineSettings.DEFAULT.withTransferWindow(4);
  private static final AccountId OPERATOR = ShardRouting.member(1, 0);
  private static final AccountId CUSTOMER = ShardRouting.member(1, 1);
  private static final AccountId OTHER_SHARD = ShardRouting.member(2, 0);

  private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-23T00:00:00Z"));
  private final LandsThenFails store = new LandsThenFails(new InMemoryLedgerStore());
  private ShardedLedger ledger = ShardedLedger.start(store, clock, TINY);

  @BeforeEach
  void openAccounts() {
    ledger
        .open(
            List.of(
                new NewAccount(OPERATOR, Asset.CNY_FEN, Set.of(), "operator"),
                new NewAccount(
                    CUSTOMER,
                    Asset.CNY_FEN,
                    Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
                    "customer"),
                new NewAccount(OTHER_SHARD, Asset.CNY_FEN, Set.of(), "other")))
        .join();
    submit(TransferRequest.posted(id("fund"), OPERATOR, CUSTOMER, 10_000, 0));
  }

  @AfterEach
  void stop() {
    ledger.close();
  }

  @Test
  void anIdCommittedLongAgoIsAnsweredAsARetryAndTheRestOfItsBatchCommits() {
    TransferRequest old = TransferRequest.posted(id("old"), CUSTOMER, OPERATOR, 7, 0);
    submit(old);
    pushOutOfTheWindow();

    List<TransferResult> results =
        ledger
            .submit(
                List.of(
                    old,
                    TransferRequest.posted(id("old"), CUSTOMER, OPERATOR, 8, 0),
                    TransferRequest.posted(id("new"), CUSTOMER, OPERATOR, 5, 0)))
            .join();

    assertThat(results.get(0)).isEqualTo(new TransferResult.Accepted(stored("old"), true));
    assertThat(results.get(1))
        .isEqualTo(
            new TransferResult.Rejected(id("old"), TransferRejection.EXISTS_WITH_DIFFERENT_FIELDS));
    assertThat(results.get(2)).isInstanceOf(TransferResult.Accepted.class);
    assertThat(store.transfer(id("new"))).isPresent();
    assertThat(customer().debitsPosted()).isEqualTo(7 + 4 + 5);
    ledger.checkInvariants().join();
  }

  @Test
  void aLoneRetryLongAfterIsAReplay() {
    TransferRequest old = TransferRequest.posted(id("old"), CUSTOMER, OPERATOR, 7, 0);
    submit(old);
    pushOutOfTheWindow();

    assertThat(submit(old)).isEqualTo(new TransferResult.Accepted(stored("old"), true));
    assertThat(customer().debitsPosted()).isEqualTo(7 + 4);
    assertThat(customer()).isEqualTo(store.account(CUSTOMER).orElseThrow());
  }

  @Test
  void aRetriedChainThatMovedNothingIsReplayedWithoutARebuild() {
    List<TransferRequest> chain =
        List.of(
            TransferRequest.pending(id("p"), CUSTOMER, OPERATOR, 30, 0, 0).linked(),
            TransferRequest.voidPending(id("v"), id("p")));
    ledger.submit(chain).join();
    pushOutOfTheWindow();
    int loads = store.loads.get();

    List<TransferResult> again = ledger.submit(chain).join();

    assertThat(again)
        .containsExactly(
            new TransferResult.Accepted(stored("p"), true),
            new TransferResult.Accepted(stored("v"), true));
    assertThat(store.loads.get()).isEqualTo(loads);
    assertThat(customer()).isEqualTo(store.account(CUSTOMER).orElseThrow());
  }

  @Test
  void aShardThatCannotRebuildFailsRequestsUntilTheStoreIsBack() {
    store.landThenFail = true;
    store.failLoads = true;
    assertThatThrownBy(() -> submit(TransferRequest.posted(id("a"), CUSTOMER, OPERATOR, 1, 0)))
        .isInstanceOf(CompletionException.class);
    assertThatThrownBy(() -> submit(TransferRequest.posted(id("b"), CUSTOMER, OPERATOR, 1, 0)))
        .isInstanceOf(CompletionException.class);

    store.failLoads = false;

    assertThat(submit(TransferRequest.posted(id("c"), CUSTOMER, OPERATOR, 1, 0)))
        .isInstanceOf(TransferResult.Accepted.class);
    assertThat(customer()).isEqualTo(store.account(CUSTOMER).orElseThrow());
    assertThat(customer().debitsPosted()).isEqualTo(1 + 1);
    ledger.checkInvariants().join();
  }

  @Test
  void aCommitThatLandedButFailedIsRebuiltFromTheStoreNotTakenBack() {
    pushOutOfTheWindow();
    TransferRequest request = TransferRequest.posted(id("landed"), CUSTOMER, OPERATOR, 9, 0);
    store.landThenFail = true;

    assertThatThrownBy(() -> submit(request)).isInstanceOf(CompletionException.class);

    assertThat(customer()).isEqualTo(store.account(CUSTOMER).orElseThrow());
    assertThat(customer().debitsPosted()).isEqualTo(4 + 9);
    TransferResult retried = submit(request);
    assertThat(retried).isEqualTo(new TransferResult.Accepted(stored("landed"), true));
    assertThat(customer().debitsPosted()).isEqualTo(4 + 9);
    ledger.checkInvariants().join();
  }

  @Test
  void historyOlderThanTheWindowComesFromTheStore() {
    List<Transfer> sent = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      sent.add(accepted(submit(TransferRequest.posted(id("h" + i), CUSTOMER, OPERATOR, 1, 0))));
    }

    List<Transfer> history = ledger.transfersOf(CUSTOMER, 6).join();

    assertThat(history).containsExactlyElementsOf(sent.reversed());
    assertThat(ledger.transfersOf(CUSTOMER, 2).join()).containsExactly(sent.get(5), sent.get(4));
  }

  @Test
  void theTimerLeavesAPendingTransferPostedLongAgoAloneWithoutAStoreRead() {
    submit(TransferRequest.pending(id("hold"), CUSTOMER, OPERATOR, 50, 60, 0));
    submit(TransferRequest.postPending(id("take"), id("hold"), 0));
    pushOutOfTheWindow();
    clock.advance(java.time.Duration.ofMinutes(2));

    assertThat(ledger.expireForTimer(id("hold")).join())
        .isEqualTo(
            new TransferResult.Rejected(
                id("expiry:hold"), TransferRejection.PENDING_TRANSFER_NOT_FOUND));
    assertThat(ledger.expire(id("hold")).join())
        .isEqualTo(
            new TransferResult.Rejected(
                id("expiry:hold"), TransferRejection.PENDING_TRANSFER_ALREADY_POSTED));
    assertThat(customer().debitsPosted()).isEqualTo(50 + 4);
  }

  @Test
  void aRestartHoldsOnlyTheWindowAndStillRoutesAnOpenPendingTransfer() {
    submit(TransferRequest.pending(id("hold"), CUSTOMER, OPERATOR, 50, 0, 0));
    for (int i = 0; i < 20; i++) {
      submit(TransferRequest.posted(id("f" + i), CUSTOMER, OPERATOR, 1, 0));
      submit(TransferRequest.posted(id("g" + i), OTHER_SHARD, OPERATOR, 1, 0));
    }
    ledger.close();
    ledger = ShardedLedger.start(store, clock, TINY);

    TransferResult post = submit(TransferRequest.postPending(id("take"), id("hold"), 20));

    assertThat(post).isInstanceOf(TransferResult.Accepted.class);
    assertThat(customer().debitsPosted()).isEqualTo(20 + 20);
    assertThat(customer().debitsPending()).isZero();
    assertThat(ledger.transfersOf(CUSTOMER, 100).join()).hasSize(1 + 1 + 20 + 1);
    ledger.checkInvariants().join();
  }

  private void pushOutOfTheWindow() {
    for (int i = 0; i < 4; i++) {
      submit(TransferRequest.posted(id("filler-" + i), CUSTOMER, OPERATOR, 1, 0));
    }
  }

  private TransferResult submit(TransferRequest request) {
    return ledger.submit(List.of(request)).join().getFirst();
  }

  private org.telco.ledger.Account customer() {
    return ledger.account(CUSTOMER).join().orElseThrow();
  }

  private Transfer stored(String value) {
    return store.transfer(id(value)).orElseThrow();
  }

  /**
   * A store whose next commit, when asked, lands and then reports a failure (a lost answer), whose
   * loads can be made to fail (a database that is down), and which counts its loads.
   */
  private static final class LandsThenFails extends ForwardingLedgerStore {
    final AtomicInteger loads = new AtomicInteger();
    volatile boolean landThenFail;
    volatile boolean failLoads;

    LandsThenFails(LedgerStore delegate) {
      super(delegate);
    }

    @Override
    public LedgerSnapshot load(int window) {
      loads.incrementAndGet();
      if (failLoads) {
        throw new LedgerStoreException("the database is down");
      }
      return super.load(window);
    }

    @Override
    public void commit(LedgerBatch batch) {
      super.commit(batch);
      if (landThenFail) {
        landThenFail = false;
        throw new LedgerStoreException("connection lost after the commit", null);
      }
    }
  }

  private static Transfer accepted(TransferResult result) {
    return ((TransferResult.Accepted) result).transfer();
  }

  private static TransferId id(String value) {
    return new TransferId(value);
  }
}
