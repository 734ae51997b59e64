package org.telco.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link LedgerStore} shares; each implementation extends this suite (it ships
 * in the module's test-jar for stores in other modules).
 *
 * <p>Timestamps in the test data have microsecond precision, the finest a PostgreSQL timestamp
 * keeps, but not coarser, so a store that loses microseconds fails.
 */
public abstract class LedgerStoreContract {
  private static final Instant T0 =
      Instant.parse("2026-01-01T00:00:00.123456789Z").truncatedTo(ChronoUnit.MICROS);
  private static final AccountId OPERATOR = new AccountId(1);
  private static final AccountId CUSTOMER = new AccountId(2);
  private static final AccountId DATA_POOL = new AccountId(3);
  private static final AccountId DATA_USER = new AccountId(4);

  private LedgerStore store;

  /** A fresh, empty store for one test. */
  protected abstract LedgerStore newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @Test
  void emptyStoreLoadsNothing() {
    LedgerSnapshot snapshot = store.load();

    assertThat(snapshot.accounts()).isEmpty();
    assertThat(snapshot.transfers()).isEmpty();
    assertThat(store.account(OPERATOR)).isEmpty();
    assertThat(store.transfer(id("t1"))).isEmpty();
  }

  @Test
  void committedBatchLoadsBackWithBalancesAndTransfersInOrder() {
    Ledger ledger = ledgerWithAccounts();
    ledger.submit(
        List.of(
            TransferRequest.posted(id("t1"), OPERATOR, CUSTOMER, 1_000, 1),
            TransferRequest.posted(id("t2"), CUSTOMER, OPERATOR, 250, 2),
            TransferRequest.posted(id("t3"), DATA_POOL, DATA_USER, 1L << 40, 3)),
        T0.plusNanos(1_000));
    LedgerBatch batch = ledger.drainChanges();

    store.commit(batch);

    LedgerSnapshot snapshot = store.load();
    assertThat(snapshot.accounts()).containsExactlyInAnyOrderElementsOf(ledger.accounts());
    assertThat(snapshot.transfers()).containsExactlyElementsOf(batch.transfers());
    assertThat(Ledger.restore(snapshot).accounts()).isEqualTo(ledger.accounts());
  }

  @Test
  void manyTransfersAreLookedUpAtOnceAndMissingIdsAreLeftOut() {
    Ledger ledger = ledgerWithAccounts();
    ledger.submit(
        List.of(
            TransferRequest.posted(id("t1"), OPERATOR, CUSTOMER, 10, 0),
            TransferRequest.posted(id("t2"), OPERATOR, CUSTOMER, 20, 0)),
        T0);
    LedgerBatch batch = ledger.drainChanges();
    store.commit(batch);

    assertThat(store.transfers(List.of(id("t2"), id("missing"), id("t1"))))
        .containsExactlyInAnyOrderElementsOf(batch.transfers());
    assertThat(store.transfers(List.of())).isEmpty();
  }

  @Test
  void pendingTransferAndItsResolutionKeepEveryField() {
    Ledger ledger = ledgerWithAccounts();
    ledger.submit(
        List.of(
            TransferRequest.posted(id("fund"), OPERATOR, CUSTOMER, 1_000, 0),
            TransferRequest.pending(id("p1"), CUSTOMER, OPERATOR, 400, 3_600, 42),
            TransferRequest.pending(id("p2"), CUSTOMER, OPERATOR, 100, 0, 0).linked(),
            TransferRequest.postPending(id("c2"), id("p2"), 60)),
        T0.plusNanos(7_000));
    store.commit(ledger.drainChanges());

    Transfer pending = store.transfer(id("p1")).orElseThrow();
    assertThat(pending).isEqualTo(ledger.transfer(id("p1")).orElseThrow());
    assertThat(pending.timestamp()).isEqualTo(T0.plusNanos(7_000));
    assertThat(pending.timeoutSeconds()).isEqualTo(3_600);
    assertThat(pending.code()).isEqualTo(42);
    assertThat(pending.flags()).containsExactly(TransferFlag.PENDING);
    assertThat(pending.pendingId()).isNull();
    Transfer post = store.transfer(id("c2")).orElseThrow();
    assertThat(post).isEqualTo(ledger.transfer(id("c2")).orElseThrow());
    assertThat(post.pendingId()).isEqualTo(id("p2"));
    assertThat(store.transfer(id("p2")).orElseThrow().flags())
        .containsExactlyInAnyOrder(TransferFlag.PENDING, TransferFlag.LINKED);
    assertThat(store.account(CUSTOMER)).isEqualTo(ledger.account(CUSTOMER));
  }

  @Test
  void aPendingTransferIsResolvedByItsPostOrVoidAndOnlyThat() {
    Ledger ledger = ledgerWithAccounts();
    ledger.submit(
        List.of(
            TransferRequest.posted(id("fund"), OPERATOR, CUSTOMER, 1_000, 0),
            TransferRequest.pending(id("p1"), CUSTOMER, OPERATOR, 400, 3_600, 0),
            TransferRequest.pending(id("p2"), CUSTOMER, OPERATOR, 100, 0, 0),
            TransferRequest.pending(id("p3"), CUSTOMER, OPERATOR, 100, 0, 0),
            TransferRequest.postPending(id("c1"), id("p1"), 300),
            TransferRequest.voidPending(id("v3"), id("p3"))),
        T0);
    store.commit(ledger.drainChanges());

    assertThat(store.resolutionOf(id("p1"))).isEqualTo(ledger.transfer(id("c1")));
    assertThat(store.resolutionOf(id("p3"))).isEqualTo(ledger.transfer(id("v3")));
    assertThat(store.resolutionOf(id("p2"))).isEmpty();
    assertThat(store.resolutionOf(id("fund"))).isEmpty();
    assertThat(store.resolutionOf(id("never"))).isEmpty();
  }

  @Test
  void historyIsTheAccountsTransfersNewestFirst() {
    Ledger ledger = ledgerWithAccounts();
    List<Transfer> customers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ledger.submit(
          List.of(
              TransferRequest.posted(id("in" + i), OPERATOR, CUSTOMER, 10, 0),
              TransferRequest.posted(id("data" + i), DATA_POOL, DATA_USER, 10, 0)),
          T0.plusSeconds(i));
      customers.add(ledger.transfer(id("in" + i)).orElseThrow());
      store.commit(ledger.drainChanges());
    }

    assertThat(store.transfersOf(CUSTOMER, 10)).containsExactlyElementsOf(customers.reversed());
    assertThat(store.transfersOf(CUSTOMER, 2)).containsExactly(customers.get(3), customers.get(2));
    assertThat(store.transfersOf(OPERATOR, 1)).containsExactly(customers.get(3));
    assertThat(store.transfersOf(new AccountId(99), 10)).isEmpty();
  }

  @Test
  void loadingAWindowKeepsTheNewestTheOpenPendingsAndWhatTheNewestResolve() {
    Ledger ledger = ledgerWithAccounts();
    ledger.submit(
        List.of(
            TransferRequest.posted(id("fund"), OPERATOR, CUSTOMER, 1_000, 0),
            TransferRequest.pending(id("open"), CUSTOMER, OPERATOR, 10, 0, 0),
            TransferRequest.pending(id("hold"), CUSTOMER, OPERATOR, 20, 0, 0),
            TransferRequest.posted(id("old"), CUSTOMER, OPERATOR, 1, 0),
            TransferRequest.posted(id("data"), DATA_POOL, DATA_USER, 5, 0),
            TransferRequest.posted(id("new1"), CUSTOMER, OPERATOR, 1, 0),
            TransferRequest.postPending(id("take"), id("hold"), 0)),
        T0);
    store.commit(ledger.drainChanges());

    LedgerSnapshot snapshot = store.load(2);

    assertThat(snapshot.accounts()).hasSize(4);
    assertThat(snapshot.transfers())
        .extracting(Transfer::id)
        .containsExactly(id("open"), id("hold"), id("new1"), id("take"));
    assertThat(snapshot.accountsWithOlderTransfers())
        .containsExactlyInAnyOrder(OPERATOR, CUSTOMER, DATA_POOL, DATA_USER);
    assertThat(store.load(100).transfers()).hasSize(7);
    assertThat(store.load(100).accountsWithOlderTransfers()).isEmpty();
  }

  @Test
  void accountLookupGivesTheOpenedAccount() {
    Ledger ledger = ledgerWithAccounts();
    store.commit(ledger.drainChanges());

    Account customer = store.account(CUSTOMER).orElseThrow();

    assertThat(customer).isEqualTo(ledger.account(CUSTOMER).orElseThrow());
    assertThat(customer.flags()).containsExactly(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
    assertThat(customer.createdAt()).isEqualTo(T0);
    assertThat(store.account(new AccountId(99))).isEmpty();
  }

  @Test
  void laterBatchReplacesBalances() {
    Ledger ledger = ledgerWithAccounts();
    ledger.submit(List.of(TransferRequest.posted(id("t1"), OPERATOR, CUSTOMER, 100, 0)), T0);
    store.commit(ledger.drainChanges());
    ledger.submit(
        List.of(TransferRequest.pending(id("t2"), CUSTOMER, OPERATOR, 30, 0, 0)),
        T0.plusSeconds(1));
    store.commit(ledger.drainChanges());

    Account customer = store.account(CUSTOMER).orElseThrow();

    assertThat(customer.creditsPosted()).isEqualTo(100);
    assertThat(customer.debitsPending()).isEqualTo(30);
    assertThat(customer).isEqualTo(ledger.account(CUSTOMER).orElseThrow());
    assertThat(store.load().accounts()).containsExactlyInAnyOrderElementsOf(ledger.accounts());
  }

  @Test
  void batchReusingACommittedTransferIdFailsAndWritesNothing() {
    Ledger ledger = ledgerWithAccounts();
    ledger.submit(List.of(TransferRequest.posted(id("t1"), OPERATOR, CUSTOMER, 100, 0)), T0);
    store.commit(ledger.drainChanges());
    LedgerSnapshot before = store.load();
    Account newAccount =
        Account.opened(new NewAccount(new AccountId(50), Asset.CNY_FEN, Set.of(), "new"), T0);
    Transfer fresh = transfer("t2", OPERATOR, CUSTOMER, 5);
    Transfer reused = transfer("t1", OPERATOR, CUSTOMER, 7);
    Account balances = new Account(OPERATOR, Asset.CNY_FEN, Set.of(), "operator", 0, 112, 0, 0, T0);
    LedgerBatch bad =
        new LedgerBatch(List.of(newAccount), List.of(fresh, reused), List.of(balances));

    assertThatThrownBy(() -> store.commit(bad)).isInstanceOf(LedgerStoreException.class);

    assertSameContent(store.load(), before);
    assertThat(store.transfer(id("t2"))).isEmpty();
    assertThat(store.account(new AccountId(50))).isEmpty();
    assertThat(store.account(OPERATOR).orElseThrow().debitsPosted()).isEqualTo(100);
  }

  @Test
  void batchReopeningACommittedAccountFailsAndWritesNothing() {
    Ledger ledger = ledgerWithAccounts();
    store.commit(ledger.drainChanges());
    LedgerSnapshot before = store.load();
    Account again =
        Account.opened(new NewAccount(OPERATOR, Asset.CNY_FEN, Set.of(), "operator"), T0);
    LedgerBatch bad =
        new LedgerBatch(List.of(again), List.of(transfer("t9", OPERATOR, CUSTOMER, 5)), List.of());

    assertThatThrownBy(() -> store.commit(bad)).isInstanceOf(LedgerStoreException.class);

    assertSameContent(store.load(), before);
    assertThat(store.transfer(id("t9"))).isEmpty();
  }

  @Test
  void concurrentCommitsOnDisjointAccountsAllLand() throws Exception {
    int threads = 4;
    int batchesPerThread = 25;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Ledger>> shards = new ArrayList<>();
      for (int shard = 0; shard < threads; shard++) {
        int base = 1_000 * (shard + 1);
        shards.add(() -> runShard(base, batchesPerThread));
      }
      List<Ledger> ledgers = new ArrayList<>();
      for (Future<Ledger> future : executor.invokeAll(shards)) {
        ledgers.add(future.get());
      }

      LedgerSnapshot snapshot = store.load();
      assertThat(snapshot.transfers()).hasSize(threads * batchesPerThread);
      for (Ledger ledger : ledgers) {
        assertThat(snapshot.accounts()).containsAll(ledger.accounts());
      }
      Ledger.restore(snapshot).checkInvariants();
    } finally {
      executor.shutdownNow();
    }
  }

  private Ledger runShard(int base, int batches) {
    Ledger ledger = Ledger.empty();
    AccountId source = new AccountId(base);
    AccountId sink = new AccountId(base + 1);
    ledger.open(
        List.of(
            new NewAccount(source, Asset.CNY_FEN, Set.of(), "source:" + base),
            new NewAccount(sink, Asset.CNY_FEN, Set.of(), "sink:" + base)),
        T0);
    for (int i = 0; i < batches; i++) {
      ledger.submit(
          List.of(TransferRequest.posted(id("s" + base + "-" + i), source, sink, 1 + i, 0)),
          T0.plusSeconds(i));
      store.commit(ledger.drainChanges());
    }
    return ledger;
  }

  private static void assertSameContent(LedgerSnapshot actual, LedgerSnapshot expected) {
    assertThat(actual.accounts()).containsExactlyInAnyOrderElementsOf(expected.accounts());
    assertThat(actual.transfers()).containsExactlyElementsOf(expected.transfers());
  }

  private static Ledger ledgerWithAccounts() {
    Ledger ledger = Ledger.empty();
    ledger.open(
        List.of(
            new NewAccount(OPERATOR, Asset.CNY_FEN, Set.of(), "operator"),
            new NewAccount(
                CUSTOMER,
                Asset.CNY_FEN,
                Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
                "subscriber:8613800000001"),
            new NewAccount(DATA_POOL, Asset.DATA_BYTES, Set.of(), "data-pool"),
            new NewAccount(
                DATA_USER,
                Asset.DATA_BYTES,
                Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
                "data:8613800000001")),
        T0);
    return ledger;
  }

  private static Transfer transfer(String id, AccountId debit, AccountId credit, long amount) {
    return new Transfer(
        id(id), debit, credit, amount, null, Set.of(), 0, 0, Asset.CNY_FEN, T0.plusSeconds(1));
  }

  private static TransferId id(String value) {
    return new TransferId(value);
  }
}
