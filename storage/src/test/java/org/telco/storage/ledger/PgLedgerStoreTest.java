package org.telco.storage.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.Asset;
import org.telco.ledger.Ledger;
import org.telco.ledger.LedgerBatch;
import org.telco.ledger.LedgerSnapshot;
import org.telco.ledger.LedgerStore;
import org.telco.ledger.LedgerStoreContract;
import org.telco.ledger.LedgerStoreException;
import org.telco.ledger.PendingExpiry;
import org.telco.ledger.Transfer;
import org.telco.ledger.TransferFlag;
import org.telco.ledger.TransferId;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;
import org.telco.storage.time.PgTimerStore;

/** The ledger store contract on PostgreSQL, plus what only the durable store does. */
class PgLedgerStoreTest extends LedgerStoreContract {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.000001Z");
  private static final AccountId A = new AccountId(1);
  private static final AccountId B = new AccountId(2);

  private Database database;
  private PgLedgerStore store;

  @Override
  protected LedgerStore newStore() {
    database = PostgresForTests.freshDatabase();
    store = new PgLedgerStore(database.dataSource());
    return store;
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void aPendingTransferKeepsItsTimeoutInItsRowAndWritesNoTimer() {
    Transfer copied = pending("p1", 5);
    store.commit(
        new LedgerBatch(
            List.of(account(A, 0, 0), account(B, 0, 0)),
            List.of(copied),
            List.of(account(A, 5, 0), account(B, 0, 5))));
    Transfer oneStatement = pending("p2", 3);
    store.commit(
        new LedgerBatch(
            List.of(), List.of(oneStatement), List.of(account(A, 8, 0), account(B, 0, 8))));

    LedgerSnapshot loaded = store.load();

    assertThat(loaded.transfers()).containsExactly(copied, oneStatement);
    assertThat(Ledger.restore(loaded).pendingExpiries())
        .containsExactly(
            new PendingExpiry(copied.id(), T0.plusSeconds(60)),
            new PendingExpiry(oneStatement.id(), T0.plusSeconds(60)));
    assertThat(new PgTimerStore(database.dataSource()).pendingCount()).isZero();
  }

  @Test
  void balancesOfAnAccountThatIsNotOpenFailTheWholeBatch() {
    store.commit(new LedgerBatch(List.of(account(A, 0, 0)), List.of(), List.of()));
    Transfer transfer =
        new Transfer(new TransferId("t1"), A, B, 5, null, Set.of(), 0, 0, Asset.CNY_FEN, T0);
    LedgerBatch bad =
        new LedgerBatch(List.of(), List.of(transfer), List.of(account(A, 5, 0), account(B, 0, 5)));

    assertThatThrownBy(() -> store.commit(bad)).isInstanceOf(LedgerStoreException.class);

    assertThat(store.transfer(transfer.id())).isEmpty();
    assertThat(store.account(A)).contains(account(A, 0, 0));
  }

  @Test
  void aSmallBatchWritesItsTransfersAndBalancesAtOnce() {
    store.commit(
        new LedgerBatch(List.of(account(A, 0, 0), account(B, 0, 0)), List.of(), List.of()));
    Transfer pending = pending("p1", 5);
    Transfer posted = transfer("t1", 7);
    Account a = new Account(A, Asset.CNY_FEN, Set.of(), "account:" + A, 5, 7, 0, 0, T0);
    Account b = new Account(B, Asset.CNY_FEN, Set.of(), "account:" + B, 0, 0, 5, 7, T0);

    store.commit(new LedgerBatch(List.of(), List.of(pending, posted), List.of(b, a)));

    LedgerSnapshot loaded = store.load();
    assertThat(loaded.transfers()).containsExactly(pending, posted);
    assertThat(loaded.accounts()).containsExactlyInAnyOrder(a, b);
  }

  @Test
  void smallAndLargeBatchesLoadBackInTheOrderTheyWereCommitted() {
    store.commit(
        new LedgerBatch(List.of(account(A, 0, 0), account(B, 0, 0)), List.of(), List.of()));
    List<Transfer> all = new ArrayList<>();
    long moved = 0;
    for (int size : new int[] {3, 300, 2, 256, 257}) {
      List<Transfer> batch = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        batch.add(transfer("t" + (all.size() + batch.size()), 1));
      }
      moved += size;
      store.commit(
          new LedgerBatch(List.of(), batch, List.of(account(A, moved, 0), account(B, 0, moved))));
      all.addAll(batch);
    }

    LedgerSnapshot loaded = store.load();
    assertThat(loaded.transfers()).containsExactlyElementsOf(all);
    assertThat(loaded.accounts())
        .containsExactlyInAnyOrder(account(A, moved, 0), account(B, 0, moved));
  }

  @Test
  void aSmallBatchReusingACommittedTransferIdWritesNothing() {
    store.commit(
        new LedgerBatch(List.of(account(A, 0, 0), account(B, 0, 0)), List.of(), List.of()));
    Transfer first = transfer("t1", 5);
    store.commit(
        new LedgerBatch(List.of(), List.of(first), List.of(account(A, 5, 0), account(B, 0, 5))));
    Transfer pending = pending("p2", 3);
    LedgerBatch reusing =
        new LedgerBatch(
            List.of(), List.of(pending, first), List.of(account(A, 10, 0), account(B, 0, 10)));

    assertThatThrownBy(() -> store.commit(reusing)).isInstanceOf(LedgerStoreException.class);

    assertThat(store.load().transfers()).containsExactly(first);
    assertThat(store.account(A)).contains(account(A, 5, 0));
  }

  /** A pending transfer from A to B that times out after 60 s. */
  private static Transfer pending(String id, long amount) {
    return new Transfer(
        new TransferId(id),
        A,
        B,
        amount,
        null,
        Set.of(TransferFlag.PENDING),
        60,
        0,
        Asset.CNY_FEN,
        T0);
  }

  private static Transfer transfer(String id, long amount) {
    return new Transfer(new TransferId(id), A, B, amount, null, Set.of(), 0, 0, Asset.CNY_FEN, T0);
  }

  /** An account with the given posted debits and credits. */
  private static Account account(AccountId id, long debitsPosted, long creditsPosted) {
    return new Account(
        id, Asset.CNY_FEN, Set.of(), "account:" + id, 0, debitsPosted, 0, creditsPosted, T0);
  }
}
