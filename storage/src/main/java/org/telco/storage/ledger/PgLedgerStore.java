package org.telco.storage.ledger;

import static org.telco.storage.ledger.LedgerRows.ACCOUNT_COLUMNS;
import static org.telco.storage.ledger.LedgerRows.TRANSFER_COLUMNS;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.LedgerBatch;
import org.telco.ledger.LedgerSnapshot;
import org.telco.ledger.LedgerSnapshotBuilder;
import org.telco.ledger.LedgerStore;
import org.telco.ledger.LedgerStoreException;
import org.telco.ledger.Transfer;
import org.telco.ledger.TransferId;

/**
 * The durable {@link LedgerStore}: accounts and transfers in PostgreSQL (tables {@code
 * ledger_account} and {@code ledger_transfer}).
 *
 * <p>A batch is one transaction of a few bulk statements (see {@code LedgerBatchWriter}), so the
 * cost of a commit is one fsync plus the rows, not a round trip per row. No timer is written for a
 * pending transfer: its timeout is in its row, and the ledger expires it from its own schedule
 * ({@code Ledger.expireDue}). Timestamps keep microseconds, the resolution of {@code timestamptz}.
 * Safe for concurrent use: each call takes its own pooled connection.
 */
public final class PgLedgerStore implements LedgerStore {
  private static final int FETCH_SIZE = 10_000;
  private static final String ALL_ACCOUNTS =
      "SELECT %s FROM ledger_account ORDER BY id".formatted(ACCOUNT_COLUMNS);
  private static final String ALL_TRANSFERS =
      "SELECT %s FROM ledger_transfer ORDER BY seq".formatted(TRANSFER_COLUMNS);
  private static final String ONE_ACCOUNT =
      "SELECT %s FROM ledger_account WHERE id = ?".formatted(ACCOUNT_COLUMNS);
  private static final String ONE_TRANSFER =
      "SELECT %s FROM ledger_transfer WHERE id = ?".formatted(TRANSFER_COLUMNS);
  private static final String SOME_TRANSFERS =
      "SELECT %s FROM ledger_transfer WHERE id = ANY (?)".formatted(TRANSFER_COLUMNS);
  private static final String RESOLUTION =
      "SELECT %s FROM ledger_transfer WHERE pending_id = ?".formatted(TRANSFER_COLUMNS);
  // The newest first along the seq index, skipping other accounts' transfers: the ledger keeps
  // no per-account index (V003), and asks this only for history older than its window.
  private static final String HISTORY =
      """
      SELECT %s FROM ledger_transfer WHERE debit_account_id = ? OR credit_account_id = ?
      ORDER BY seq DESC LIMIT ?
      """
          .formatted(TRANSFER_COLUMNS);

  private final DataSource dataSource;

  /** A store on the migrated database behind {@code dataSource}. */
  public PgLedgerStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Reads everything from one snapshot. */
  @Override
  public LedgerSnapshot load() {
    return load(Integer.MAX_VALUE);
  }

  /**
   * Reads from one snapshot, streaming the transfers through a {@link LedgerSnapshotBuilder}: a
   * table of a hundred million transfers costs the time to read it, but only the window in memory.
   */
  @Override
  public LedgerSnapshot load(int window) {
    LedgerSnapshotBuilder builder = new LedgerSnapshotBuilder(window);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      connection.setReadOnly(true);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try (PreparedStatement select = connection.prepareStatement(ALL_ACCOUNTS)) {
        select.setFetchSize(FETCH_SIZE);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            builder.account(LedgerRows.account(rows));
          }
        }
      }
      try (PreparedStatement select = connection.prepareStatement(ALL_TRANSFERS)) {
        select.setFetchSize(FETCH_SIZE);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            builder.transfer(LedgerRows.transfer(rows));
          }
        }
      }
      connection.commit();
      return builder.build();
    } catch (SQLException e) {
      throw new LedgerStoreException("cannot load the ledger", e);
    }
  }

  /** Writes the batch in one transaction; on any failure it is rolled back entirely. */
  @Override
  public void commit(LedgerBatch batch) {
    if (batch.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        LedgerBatchWriter.write(connection, batch);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new LedgerStoreException("cannot commit a ledger batch: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Account> account(AccountId id) {
    return one(ONE_ACCOUNT, statement -> statement.setLong(1, id.value()), LedgerRows::account);
  }

  @Override
  public Optional<Transfer> transfer(TransferId id) {
    return one(ONE_TRANSFER, statement -> statement.setString(1, id.value()), LedgerRows::transfer);
  }

  @Override
  public Optional<Transfer> resolutionOf(TransferId pendingId) {
    return one(
        RESOLUTION, statement -> statement.setString(1, pendingId.value()), LedgerRows::transfer);
  }

  @Override
  public List<Transfer> transfers(Collection<TransferId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    String[] values = ids.stream().map(TransferId::value).toArray(String[]::new);
    return many(
        SOME_TRANSFERS,
        statement ->
            statement.setArray(1, statement.getConnection().createArrayOf("text", values)));
  }

  @Override
  public List<Transfer> transfersOf(AccountId id, int limit) {
    return many(
        HISTORY,
        statement -> {
          statement.setLong(1, id.value());
          statement.setLong(2, id.value());
          statement.setInt(3, limit);
        });
  }

  private List<Transfer> many(String sql, Binder binder) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      binder.bind(select);
      List<Transfer> found = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(LedgerRows.transfer(rows));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new LedgerStoreException("cannot read transfers", e);
    }
  }

  private <T> Optional<T> one(String sql, Binder binder, RowReader<T> reader) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      binder.bind(select);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(reader.read(rows));
      }
    } catch (SQLException e) {
      throw new LedgerStoreException("cannot read the ledger", e);
    }
  }

  /** Rolls back after a failure, keeping the failure as the one reported. */
  private static void rollback(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /** Sets the parameters of a query. */
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** Reads the current row. */
  private interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }
}
