package org.telco.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * A read at the head of a batch is answered without waiting for the batch's commit, and sees only
 * committed state; a read behind a change waits for that change's commit, and fails with it.
 */
class ShardReadsTest {
  private static final AccountId PAYER = ShardRouting.member(0, 2);
  private static final AccountId PAYEE = ShardRouting.member(0, 4);

  private final GatedStore store = new GatedStore();
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
                new NewAccount(PAYEE, Asset.CNY_FEN, Set.of(), "payee")))
        .join();
  }

  @AfterEach
  void stop() {
    store.open();
    ledger.close();
  }

  @Test
  void aReadAheadOfTheBatchsChangeIsAnsweredWhileTheCommitWaits() throws Exception {
    CompletableFuture<List<TransferResult>> first = holdShardInCommit("t0", 100);
    CompletableFuture<Optional<Account>> ahead = ledger.account(PAYEE);
    CompletableFuture<List<TransferResult>> change = ledger.submit(List.of(transfer("t1", 10)));
    CompletableFuture<Optional<Account>> behind = ledger.account(PAYEE);

    store.let(1);
    assertThat(first.get(5, TimeUnit.SECONDS).getFirst())
        .isInstanceOf(TransferResult.Accepted.class);
    store.awaitCommitsEntered(2);

    assertThat(ahead.get(5, TimeUnit.SECONDS).orElseThrow().creditsPosted()).isEqualTo(100);
    assertThat(change).isNotDone();
    assertThat(behind).isNotDone();

    store.let(1);
    assertThat(behind.get(5, TimeUnit.SECONDS).orElseThrow().creditsPosted()).isEqualTo(110);
    assertThat(change.join().getFirst()).isInstanceOf(TransferResult.Accepted.class);
  }

  @Test
  void aReadBehindAChangeWhoseCommitFailsFailsWithIt() throws Exception {
    holdShardInCommit("t0", 100);
    CompletableFuture<Optional<Account>> ahead = ledger.account(PAYEE);
    CompletableFuture<List<TransferResult>> change = ledger.submit(List.of(transfer("t1", 10)));
    CompletableFuture<Optional<Account>> behind = ledger.account(PAYEE);

    store.let(1);
    store.awaitCommitsEntered(2);
    assertThat(ahead.get(5, TimeUnit.SECONDS).orElseThrow().creditsPosted()).isEqualTo(100);

    store.failNext.set(true);
    store.open();
    assertThatThrownBy(() -> behind.get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(LedgerStoreException.class);
    assertThatThrownBy(change::join).isInstanceOf(CompletionException.class);
    assertThat(ledger.account(PAYEE).join().orElseThrow().creditsPosted()).isEqualTo(100);
  }

  /** Submits a transfer and waits until the shard is inside its commit, held by the gate. */
  private CompletableFuture<List<TransferResult>> holdShardInCommit(String id, long amount)
      throws InterruptedException {
    store.close();
    CompletableFuture<List<TransferResult>> answer = ledger.submit(List.of(transfer(id, amount)));
    store.awaitCommitsEntered(1);
    return answer;
  }

  private static TransferRequest transfer(String id, long amount) {
    return TransferRequest.posted(new TransferId(id), PAYER, PAYEE, amount, 0);
  }

  /**
   * The reference store behind a gate: once closed, each commit waits for a permit; {@link
   * #failNext} makes the next commit write nothing and fail.
   */
  private static final class GatedStore extends ForwardingLedgerStore {
    final AtomicBoolean failNext = new AtomicBoolean();
    private final AtomicBoolean gated = new AtomicBoolean();
    private final Semaphore permits = new Semaphore(0);
    private final AtomicInteger entered = new AtomicInteger();

    GatedStore() {
      super(new InMemoryLedgerStore());
    }

    void close() {
      entered.set(0);
      gated.set(true);
    }

    void open() {
      gated.set(false);
      permits.release(1_000);
    }

    void let(int commits) {
      permits.release(commits);
    }

    void awaitCommitsEntered(int count) throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (entered.get() < count) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the shard never reached commit " + count);
        }
        Thread.sleep(1);
      }
    }

    @Override
    public void commit(LedgerBatch batch) {
      if (gated.get()) {
        entered.incrementAndGet();
        permits.acquireUninterruptibly();
      }
      if (failNext.getAndSet(false)) {
        throw new LedgerStoreException("injected fault", new IllegalStateException("disk full"));
      }
      super.commit(batch);
    }
  }
}
