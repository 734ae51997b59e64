package org.telco.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.Asset;
import org.telco.ledger.ForwardingLedgerStore;
import org.telco.ledger.InMemoryLedgerStore;
import org.telco.ledger.LedgerBatch;
import org.telco.ledger.LedgerStoreException;
import org.telco.ledger.NewAccount;
import org.telco.ledger.TransferId;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.time.SimulatedClock;

/**
 * Balances read through {@link ShardedLedger#committedAccounts} are the committed ones: current
 * after every answered change, never ahead of the store, and the same as a read through the queue.
 */
class CommittedAccountsTest {
  private static final AccountId PAYER = ShardRouting.member(0, 2);
  private static final AccountId PAYEE = ShardRouting.member(0, 4);
  private static final AccountId OTHER_SHARD = ShardRouting.member(1, 2);
  private static final AccountId UNKNOWN = ShardRouting.member(0, 98);

  private final FailingStore store = new FailingStore();
  private ShardedLedger ledger;

  @BeforeEach
  void start() {
    ledger =
        ShardedLedger.start(
            store,
            new SimulatedClock(Instant.parse("2026-03-01T00:00:00Z")),
            EngineSettings.DEFAULT);
    ledger
        .open(
            List.of(
                new NewAccount(PAYER, Asset.CNY_FEN, Set.of(), "payer"),
                new NewAccount(PAYEE, Asset.CNY_FEN, Set.of(), "payee"),
                new NewAccount(OTHER_SHARD, Asset.CNY_FEN, Set.of(), "elsewhere")))
        .join();
  }

  @AfterEach
  void stop() {
    store.release.release(Integer.MAX_VALUE / 2);
    ledger.close();
  }

  @Test
  void everyAnsweredChangeIsSeenAndMatchesAReadThroughTheQueue() {
    assertThat(ledger.shardOf(OTHER_SHARD)).isNotEqualTo(ledger.shardOf(PAYER));
    List<AccountId> ids = List.of(PAYEE, OTHER_SHARD, PAYER);
    assertThat(credits(ledger.committedAccounts(ids).join())).containsExactly(0L, 0L, 0L);

    for (int i = 1; i <= 5; i++) {
      assertThat(ledger.submit(List.of(transfer("t" + i, 10 * i))).join().getFirst())
          .isInstanceOf(TransferResult.Accepted.class);
      List<Optional<Account>> published = ledger.committedAccounts(ids).join();

      assertThat(published).isEqualTo(ledger.accounts(ids).join());
      assertThat(published.getFirst().orElseThrow().creditsPosted()).isEqualTo(5L * i * (i + 1));
    }
  }

  @Test
  void aFollowedAccountIsReadWhileItsShardIsStuckInACommitAndShowsOnlyWhatIsCommitted()
      throws Exception {
    ledger.committedAccounts(List.of(PAYEE)).join();
    ledger.submit(List.of(transfer("before", 30))).join();

    store.holdNext.set(true);
    CompletableFuture<List<TransferResult>> stuck = ledger.submit(List.of(transfer("held", 5)));
    assertThat(store.held.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<List<Optional<Account>>> read = ledger.committedAccounts(List.of(PAYEE));

    assertThat(read).isDone();
    assertThat(read.join().getFirst().orElseThrow().creditsPosted()).isEqualTo(30);
    assertThat(stuck).isNotDone();

    store.release.release();
    stuck.get(5, TimeUnit.SECONDS);
    assertThat(committedCreditsOfPayee()).isEqualTo(35);
  }

  @Test
  void anUnknownAccountIsEmptyAndTheRestAreStillRead() {
    List<Optional<Account>> found = ledger.committedAccounts(List.of(PAYER, UNKNOWN, PAYEE)).join();

    assertThat(found.get(0)).isPresent();
    assertThat(found.get(1)).isEmpty();
    assertThat(found.get(2)).isPresent();
  }

  @Test
  void aChangeWhoseCommitFailedIsNeverSeen() {
    ledger.committedAccounts(List.of(PAYEE)).join();
    ledger.submit(List.of(transfer("kept", 30))).join();

    store.failNext.set(true);
    assertThat(ledger.submit(List.of(transfer("lost", 500)))).failsWithin(Duration.ofSeconds(5));

    assertThat(committedCreditsOfPayee()).isEqualTo(30);
    ledger.submit(List.of(transfer("after", 7))).join();
    assertThat(committedCreditsOfPayee()).isEqualTo(37);
  }

  @Test
  void aCommitThatLandedThoughItsAnswerWasLostIsSeenAfterTheRebuild() {
    ledger.committedAccounts(List.of(PAYEE)).join();
    ledger.submit(List.of(transfer("kept", 30))).join();

    store.landThenFailNext.set(true);
    assertThat(ledger.submit(List.of(transfer("landed", 12)))).failsWithin(Duration.ofSeconds(5));

    assertThat(ledger.accounts(List.of(PAYEE)).join().getFirst().orElseThrow().creditsPosted())
        .isEqualTo(42);
    assertThat(committedCreditsOfPayee()).isEqualTo(42);
  }

  private long committedCreditsOfPayee() {
    return ledger.committedAccounts(List.of(PAYEE)).join().getFirst().orElseThrow().creditsPosted();
  }

  private static List<Long> credits(List<Optional<Account>> accounts) {
    return accounts.stream().map(a -> a.orElseThrow().creditsPosted()).toList();
  }

  private static TransferRequest transfer(String id, long amount) {
    return TransferRequest.posted(new TransferId(id), PAYER, PAYEE, amount, 1);
  }

  /** The in-memory store; told to, it refuses the next commit, holds it, or loses its answer. */
  private static final class FailingStore extends ForwardingLedgerStore {
    final AtomicBoolean failNext = new AtomicBoolean();
    final AtomicBoolean holdNext = new AtomicBoolean();
    final AtomicBoolean landThenFailNext = new AtomicBoolean();
    final Semaphore held = new Semaphore(0);
    final Semaphore release = new Semaphore(0);

    FailingStore() {
      super(new InMemoryLedgerStore());
    }

    @Override
    public void commit(LedgerBatch batch) {
      if (failNext.getAndSet(false)) {
        throw new LedgerStoreException("refused for the test", null);
      }
      if (landThenFailNext.getAndSet(false)) {
        super.commit(batch);
        throw new LedgerStoreException("committed, but the answer was lost", null);
      }
      if (holdNext.getAndSet(false)) {
        held.release();
        release.acquireUninterruptibly();
      }
      super.commit(batch);
    }
  }
}
