package org.telco.storage.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.Asset;
import org.telco.ledger.LedgerBatch;
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
import org.telco.time.Timer;

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
  void pendingExpiriesBecomeTimersInTheSameCommit() {
    Transfer pending =
        new Transfer(
            new TransferId("p1"),
            A,
            B,
            5,
            null,
            Set.of(TransferFlag.PENDING),
            60,
            0,
            Asset.CNY_FEN,
            T0);
    LedgerBatch batch =
        new LedgerBatch(
            List.of(account(A, 0, 0), account(B, 0, 0)),
            List.of(pending),
            List.of(account(A, 5, 0), account(B, 0, 5)),
            List.of(new PendingExpiry(pending.id(), pending.expiresAt())));

    store.commit(batch);

    PgTimerStore timers = new PgTimerStore(database.dataSource());
    assertThat(timers.due(T0.plusSeconds(60), 10))
        .containsExactly(
            new Timer(
                "ledger.pending-expiry:p1", "ledger.pending-expiry", "p1", T0.plusSeconds(60)));
  }

  @Test
  void balancesOfAnAccountThatIsNotOpenFailTheWholeBatch() {
    store.commit(new LedgerBatch(List.of(account(A, 0, 0)), List.of(), List.of(), List.of()));
    Transfer transfer =
        new Transfer(new TransferId("t1"), A, B, 5, null, Set.of(), 0, 0, Asset.CNY_FEN, T0);
    LedgerBatch bad =
        new LedgerBatch(
            List.of(), List.of(transfer), List.of(account(A, 5, 0), account(B, 0, 5)), List.of());

    assertThatThrownBy(() -> store.commit(bad)).isInstanceOf(LedgerStoreException.class);

    assertThat(store.transfer(transfer.id())).isEmpty();
    assertThat(store.account(A)).contains(account(A, 0, 0));
  }

  /** An account with the given posted debits and credits. */
  private static Account account(AccountId id, long debitsPosted, long creditsPosted) {
    return new Account(
        id, Asset.CNY_FEN, Set.of(), "account:" + id, 0, debitsPosted, 0, creditsPosted, T0);
  }
}
