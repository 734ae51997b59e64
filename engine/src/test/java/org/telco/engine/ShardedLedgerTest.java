package org.telco.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.ledger.Account;
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

class ShardedLedgerTest {
  private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-03-01T00:00:00Z"));
  private final FlakyStore store = new FlakyStore(new InMemoryLedgerStore());
  private ShardedLedger ledger = ShardedLedger.start(store, clock, EngineSettings.DEFAULT);

  @AfterEach
  void stop() {
    ledger.close();
  }

  @Test
  void answerComesAfterTheTransferIsInTheStore() {
    open(2, 4);

    TransferResult result = ledger.submit(List.of(transfer("t1", 2, 4, 100))).join().getFirst();

    assertThat(result).isInstanceOf(TransferResult.Accepted.class);
    assertThat(store.transfer(new TransferId("t1"))).isPresent();
    assertThat(store.account(acct(4)).orElseThrow().creditsPosted()).isEqualTo(100);
  }

  @Test
  void timestampsKeepTheMicrosecondsTheStoreKeeps() {
    ledger.close();
    java.time.Clock nanos =
        java.time.Clock.fixed(
            Instant.parse("2026-03-01T00:00:00.123456789Z"), java.time.ZoneOffset.UTC);
    ledger = ShardedLedger.start(store, nanos, EngineSettings.DEFAULT);
    open(2, 4);

    TransferResult result = ledger.submit(List.of(transfer("t1", 2, 4, 1))).join().getFirst();

    assertThat(((TransferResult.Accepted) result).transfer().timestamp())
        .isEqualTo(Instant.parse("2026-03-01T00:00:00.123456Z"));
  }

  @Test
  void resultsComeBackInRequestOrderAcrossShards() {
    open(1, 2, 3, 4);

    List<TransferResult> results =
        ledger
            .submit(
                List.of(
                    transfer("even", 2, 4, 5),
                    transfer("odd", 1, 3, 6),
                    transfer("even-again", 4, 2, 7)))
            .join();

    assertThat(results)
        .extracting(TransferResult::id)
        .extracting(TransferId::value)
        .containsExactly("even", "odd", "even-again");
    assertThat(results).allMatch(TransferResult.Accepted.class::isInstance);
  }

  @Test
  void accountsAreReadTogetherAcrossShardsInTheOrderAsked() {
    open(1, 2, 3, 4);
    ledger.submit(List.of(transfer("t1", 2, 4, 100), transfer("t2", 1, 3, 7))).join();

    List<Optional<Account>> found =
        ledger.accounts(List.of(acct(4), acct(3), acct(9), acct(2), acct(1))).join();

    assertThat(found)
        .extracting(account -> account.map(Account::id))
        .containsExactly(
            Optional.of(acct(4)),
            Optional.of(acct(3)),
            Optional.empty(),
            Optional.of(acct(2)),
            Optional.of(acct(1)));
    assertThat(found.get(0).orElseThrow().creditsPosted()).isEqualTo(100);
    assertThat(found.get(1).orElseThrow().creditsPosted()).isEqualTo(7);
    assertThat(found).isEqualTo(List.of(4, 3, 9, 2, 1).stream().map(this::read).toList());
    assertThat(ledger.accounts(List.of()).join()).isEmpty();
  }

  @Test
  void transferBetweenShardsIsRejected() {
    open(1, 2);

    TransferResult result = ledger.submit(List.of(transfer("x", 1, 2, 5))).join().getFirst();

    assertThat(result)
        .isEqualTo(
            new TransferResult.Rejected(
                new TransferId("x"), TransferRejection.ACCOUNTS_ON_DIFFERENT_SHARDS));
    assertThat(store.transfer(new TransferId("x"))).isEmpty();
  }

  @Test
  void missingAccountOnTheOtherShardIsReportedAsMissing() {
    open(2);

    TransferResult result = ledger.submit(List.of(transfer("y", 2, 7, 5))).join().getFirst();

    assertThat(result)
        .isEqualTo(
            new TransferResult.Rejected(
                new TransferId("y"), TransferRejection.CREDIT_ACCOUNT_NOT_FOUND));
  }

  @Test
  void linkedChainSpanningShardsFailsWhole() {
    open(1, 2, 3, 4);

    List<TransferResult> results =
        ledger.submit(List.of(transfer("a", 2, 4, 5).linked(), transfer("b", 1, 3, 5))).join();

    assertThat(results)
        .containsExactly(
            new TransferResult.Rejected(new TransferId("a"), TransferRejection.LINKED_EVENT_FAILED),
            new TransferResult.Rejected(
                new TransferId("b"), TransferRejection.ACCOUNTS_ON_DIFFERENT_SHARDS));
    assertThat(store.load().transfers()).isEmpty();
  }

  @Test
  void postNamingOnlyThePendingTransferFindsItsShard() {
    open(1, 3);
    ledger.submit(List.of(TransferRequest.pending(id("hold"), acct(1), acct(3), 50, 0, 0))).join();

    TransferResult posted =
        ledger
            .submit(List.of(TransferRequest.postPending(id("post"), id("hold"), 0)))
            .join()
            .getFirst();

    assertThat(posted).isInstanceOf(TransferResult.Accepted.class);
    assertThat(account(3).creditsPosted()).isEqualTo(50);
  }

  @Test
  void restartRebuildsTheSameStateFromTheStore() {
    open(1, 2, 3, 4);
    ledger.submit(List.of(transfer("a", 2, 4, 5), transfer("b", 1, 3, 6))).join();
    ledger.submit(List.of(TransferRequest.pending(id("hold"), acct(3), acct(1), 7, 0, 0))).join();
    ledger.close();

    ledger = ShardedLedger.start(store, clock, EngineSettings.DEFAULT);

    assertThat(account(4).creditsPosted()).isEqualTo(5);
    assertThat(account(3).debitsPending()).isEqualTo(7);
    TransferResult retry = ledger.submit(List.of(transfer("a", 2, 4, 5))).join().getFirst();
    assertThat(retry)
        .isEqualTo(new TransferResult.Accepted(store.transfer(id("a")).orElseThrow(), true));
    assertThat(
            ledger
                .submit(List.of(TransferRequest.voidPending(id("release"), id("hold"))))
                .join()
                .getFirst())
        .isInstanceOf(TransferResult.Accepted.class);
  }

  @Test
  void failedCommitFailsTheBatchAndLeavesNoTraceInMemory() {
    open(2, 4);
    store.failNextCommit.set(true);

    CompletableFuture<List<TransferResult>> lost =
        ledger.submit(List.of(transfer("lost", 2, 4, 9)));

    assertThatThrownBy(lost::join)
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(LedgerStoreException.class);
    assertThat(account(4).creditsPosted()).isZero();
    assertThat(ledger.submit(List.of(transfer("lost", 2, 4, 9))).join().getFirst())
        .isEqualTo(new TransferResult.Accepted(store.transfer(id("lost")).orElseThrow(), false));
  }

  @Test
  void concurrentSubmittersNeverBreakConservationOrLimits() throws Exception {
    List<NewAccount> accounts = new ArrayList<>();
    for (long i = 1; i <= 20; i++) {
      Set<AccountFlag> flags =
          i > 2 ? Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS) : Set.of();
      accounts.add(new NewAccount(acct(i), Asset.CNY_FEN, flags, "a" + i));
    }
    ledger.open(accounts).join();
    ExecutorService submitters = Executors.newFixedThreadPool(16);
    for (int s = 0; s < 16; s++) {
      int submitter = s;
      submitters.submit(
          () -> {
            for (int round = 0; round < 50; round++) {
              List<TransferRequest> batch = new ArrayList<>();
              for (int k = 0; k < 10; k++) {
                long debit = 1 + (submitter + round + k) % 20;
                long credit = 1 + (debit + 1) % 20;
                if (credit % 2 != debit % 2) {
                  credit = credit + 1 > 20 ? credit - 1 : credit + 1;
                }
                if (credit == debit) {
                  continue;
                }
                batch.add(transfer("s" + submitter + "r" + round + "k" + k, debit, credit, 1 + k));
              }
              ledger.submit(batch).join();
            }
          });
    }
    submitters.shutdown();
    assertThat(submitters.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

    ledger.checkInvariants().join();
    LedgerSnapshot stored = store.load();
    long debits = stored.accounts().stream().mapToLong(Account::debitsPosted).sum();
    long credits = stored.accounts().stream().mapToLong(Account::creditsPosted).sum();
    assertThat(debits).isEqualTo(credits).isPositive();
    long moved = stored.transfers().stream().mapToLong(Transfer::amount).sum();
    assertThat(moved).isEqualTo(debits);
    for (Account account : stored.accounts()) {
      if (account.flags().contains(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)) {
        assertThat(account.debitsPosted()).isLessThanOrEqualTo(account.creditsPosted());
      }
    }
  }

  private void open(long... ids) {
    List<NewAccount> accounts = new ArrayList<>();
    for (long i : ids) {
      accounts.add(new NewAccount(acct(i), Asset.CNY_FEN, Set.of(), "a" + i));
    }
    ledger.open(accounts).join();
  }

  private Optional<Account> read(long id) {
    return ledger.account(acct(id)).join();
  }

  private Account account(long id) {
    Optional<Account> found = ledger.account(acct(id)).join();
    return found.orElseThrow();
  }

  private static TransferRequest transfer(String id, long debit, long credit, long amount) {
    return TransferRequest.posted(id(id), acct(debit), acct(credit), amount, 0);
  }

  private static TransferId id(String value) {
    return new TransferId(value);
  }

  /**
   * Account number {@code n} of the test: even numbers live in family 0 (shard 0), odd ones in
   * family 1 (shard 1), so two numbers of the same parity share a shard.
   */
  private static AccountId acct(long n) {
    return ShardRouting.member(n % 2, (int) n);
  }

  /** The reference store with one injected fault: the next commit fails, writing nothing. */
  private static final class FlakyStore extends ForwardingLedgerStore {
    final AtomicBoolean failNextCommit = new AtomicBoolean();

    FlakyStore(LedgerStore delegate) {
      super(delegate);
    }

    @Override
    public void commit(LedgerBatch batch) {
      if (failNextCommit.getAndSet(false)) {
        throw new LedgerStoreException("injected fault", new IllegalStateException("disk full"));
      }
      super.commit(batch);
    }
  }
}
