package org.telco.storage.ledger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.postgresql.PGConnection;
import org.telco.ledger.Account;
import org.telco.ledger.LedgerBatch;
import org.telco.ledger.LedgerStoreException;
import org.telco.ledger.Transfer;

/**
 * Writes one {@link LedgerBatch} with a handful of statements, whatever its size: transfers with a
 * binary {@code COPY} ({@link TransferCopy}); accounts and balances bound as one array per column
 * and expanded with {@code unnest} on the server. Ten thousand transfers thus cost a few round
 * trips, not ten thousand. A small batch that opens no account is one statement ({@link
 * OneStatementWrite}).
 */
final class LedgerBatchWriter {
  private static final String INSERT_ACCOUNTS =
      """
      INSERT INTO ledger_account (id, asset, flags, name, debits_pending, debits_posted,
                                  credits_pending, credits_posted, created_at)
      SELECT u.id, u.asset, u.flags, u.name, u.dp, u.dpo, u.cp, u.cpo,
             timestamptz 'epoch' + u.created_us * interval '1 microsecond'
      FROM unnest(?::bigint[], ?::text[], ?::int[], ?::text[], ?::bigint[], ?::bigint[],
                  ?::bigint[], ?::bigint[], ?::bigint[])
             AS u(id, asset, flags, name, dp, dpo, cp, cpo, created_us)
      """;

  /**
   * New balances for accounts by id, one array per column; also a clause of {@link
   * OneStatementWrite}.
   */
  static final String UPDATE_BALANCES =
      """
      UPDATE ledger_account AS a
      SET debits_pending = u.dp, debits_posted = u.dpo,
          credits_pending = u.cp, credits_posted = u.cpo
      FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
             AS u(id, dp, dpo, cp, cpo)
      WHERE a.id = u.id
      """;

  private static final String FIRST_MISSING_ACCOUNT =
      """
      SELECT u.id FROM unnest(?::bigint[]) AS u(id)
      WHERE NOT EXISTS (SELECT 1 FROM ledger_account a WHERE a.id = u.id)
      LIMIT 1
      """;

  private LedgerBatchWriter() {}

  /** Writes the batch on {@code connection}, inside the caller's transaction. */
  static void write(Connection connection, LedgerBatch batch) throws SQLException {
    PGConnection pg = connection.unwrap(PGConnection.class);
    if (OneStatementWrite.fits(batch)) {
      requireAccountsOfTransfersNotInBalances(connection, pg, batch);
      OneStatementWrite.write(connection, batch);
      return;
    }
    insertAccounts(connection, pg, batch.openedAccounts());
    if (!batch.transfers().isEmpty()) {
      TransferCopy.copy(connection, batch.transfers());
    }
    requireAccountsOfTransfersNotInBalances(connection, pg, batch);
    updateBalances(connection, pg, batch.balances());
  }

  private static void insertAccounts(Connection connection, PGConnection pg, List<Account> accounts)
      throws SQLException {
    if (accounts.isEmpty()) {
      return;
    }
    AccountColumns columns = new AccountColumns(accounts);
    try (PreparedStatement insert = connection.prepareStatement(INSERT_ACCOUNTS)) {
      insert.setArray(1, pg.createArrayOf("int8", columns.ids));
      insert.setArray(2, pg.createArrayOf("text", columns.assets));
      insert.setArray(3, pg.createArrayOf("int4", columns.flags));
      insert.setArray(4, pg.createArrayOf("text", columns.names));
      setBalances(insert, 5, pg, columns);
      insert.setArray(9, pg.createArrayOf("int8", columns.createdMicros));
      insert.executeUpdate();
    }
  }

  /**
   * Every account a transfer moves money on also has its new balances in the batch, and the balance
   * update proves it exists. A hand-made batch may skip that; only then are the remaining accounts
   * looked up.
   */
  private static void requireAccountsOfTransfersNotInBalances(
      Connection connection, PGConnection pg, LedgerBatch batch) throws SQLException {
    Set<Long> covered = new HashSet<>();
    batch.balances().forEach(account -> covered.add(account.id().value()));
    Set<Long> unchecked = new HashSet<>();
    for (Transfer transfer : batch.transfers()) {
      if (!covered.contains(transfer.debitAccountId().value())) {
        unchecked.add(transfer.debitAccountId().value());
      }
      if (!covered.contains(transfer.creditAccountId().value())) {
        unchecked.add(transfer.creditAccountId().value());
      }
    }
    if (unchecked.isEmpty()) {
      return;
    }
    long[] ids = unchecked.stream().mapToLong(Long::longValue).toArray();
    try (PreparedStatement select = connection.prepareStatement(FIRST_MISSING_ACCOUNT)) {
      select.setArray(1, pg.createArrayOf("int8", ids));
      try (ResultSet missing = select.executeQuery()) {
        if (missing.next()) {
          throw new LedgerStoreException("account " + missing.getLong(1) + " is not open", null);
        }
      }
    }
  }

  /** Updates in id order, so concurrent commits would always lock rows in the same order. */
  private static void updateBalances(Connection connection, PGConnection pg, List<Account> balances)
      throws SQLException {
    if (balances.isEmpty()) {
      return;
    }
    List<Account> sorted = new ArrayList<>(balances);
    sorted.sort(Comparator.comparing(Account::id));
    AccountColumns columns = new AccountColumns(sorted);
    int updated;
    try (PreparedStatement update = connection.prepareStatement(UPDATE_BALANCES)) {
      update.setArray(1, pg.createArrayOf("int8", columns.ids));
      setBalances(update, 2, pg, columns);
      updated = update.executeUpdate();
    }
    requireAllUpdated(updated, sorted.size());
  }

  /** Fewer balance rows updated than the batch changed means an account that is not open. */
  static void requireAllUpdated(long updated, int changed) {
    if (updated != changed) {
      throw new LedgerStoreException(
          (changed - updated)
              + " of the "
              + changed
              + " accounts whose balances changed are not open",
          null);
    }
  }

  static void setBalances(
      PreparedStatement statement, int first, PGConnection pg, AccountColumns columns)
      throws SQLException {
    Array[] arrays = {
      pg.createArrayOf("int8", columns.debitsPending),
      pg.createArrayOf("int8", columns.debitsPosted),
      pg.createArrayOf("int8", columns.creditsPending),
      pg.createArrayOf("int8", columns.creditsPosted)
    };
    for (int i = 0; i < arrays.length; i++) {
      statement.setArray(first + i, arrays[i]);
    }
  }
}
