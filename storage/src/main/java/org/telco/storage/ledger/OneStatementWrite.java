package org.telco.storage.ledger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.postgresql.PGConnection;
import org.telco.ledger.Account;
import org.telco.ledger.LedgerBatch;
import org.telco.ledger.Transfer;
import org.telco.storage.ColumnArrays;

/**
 * Writes a small {@link LedgerBatch} (no new accounts, a few transfers) with one statement: the
 * transfers and the new balances as two data-modifying {@code WITH} clauses. The general writer
 * takes four round trips for the same (the {@code COPY} handshake and its data, the balances, then
 * the commit); each is a wake-up of the server process and of the shard. Under moderate load a
 * shard commits a few transfers at a time, hundreds of times a second, and those wake-ups were a
 * large part of what each commit cost PostgreSQL. Large batches keep the {@code COPY}, which is
 * cheaper per row.
 *
 * <p>The clauses run on one snapshot and touch different tables, so none needs to see another's
 * rows. The transfers are inserted in batch order, so {@code seq} follows it as with {@code COPY}.
 * The statement answers how many balances it updated; fewer than the batch changed means an account
 * is not open, and the caller's transaction is rolled back.
 */
final class OneStatementWrite {
  /** The most transfers written this way; larger batches are copied. */
  static final int TRANSFERS_MAX = 256;

  private static final String WRITE =
      """
      WITH transfers AS (
        INSERT INTO ledger_transfer (id, debit_account_id, credit_account_id, amount, pending_id,
                                     flags, timeout_seconds, code, asset, ts)
        SELECT t.id, t.debit, t.credit, t.amount, t.pending_id, t.flags, t.timeout, t.code,
               t.asset, timestamptz 'epoch' + t.ts_us * interval '1 microsecond'
        FROM unnest(?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::int[],
                    ?::bigint[], ?::int[], ?::text[], ?::bigint[]) WITH ORDINALITY
               AS t(id, debit, credit, amount, pending_id, flags, timeout, code, asset, ts_us, n)
        ORDER BY t.n
      ), balances AS (
      %s
        RETURNING a.id
      )
      SELECT count(*) FROM balances
      """
          .formatted(LedgerBatchWriter.UPDATE_BALANCES);

  private OneStatementWrite() {}

  /** Whether {@code batch} is written this way. */
  static boolean fits(LedgerBatch batch) {
    return batch.openedAccounts().isEmpty()
        && !batch.transfers().isEmpty()
        && batch.transfers().size() <= TRANSFERS_MAX;
  }

  /** Writes the batch on {@code connection}, inside the caller's transaction. */
  static void write(Connection connection, LedgerBatch batch) throws SQLException {
    PGConnection pg = connection.unwrap(PGConnection.class);
    ColumnArrays columns = new ColumnArrays(pg);
    List<Transfer> transfers = batch.transfers();
    List<Account> balances = new ArrayList<>(batch.balances());
    balances.sort(Comparator.comparing(Account::id));
    AccountColumns accounts = new AccountColumns(balances);
    Array[] arrays = {
      columns.text(transfers, t -> t.id().value()),
      columns.int8(transfers, t -> t.debitAccountId().value()),
      columns.int8(transfers, t -> t.creditAccountId().value()),
      columns.int8(transfers, Transfer::amount),
      columns.text(transfers, t -> t.pendingId() == null ? null : t.pendingId().value()),
      columns.int4(transfers, t -> LedgerRows.bits(t.flags())),
      columns.int8(transfers, Transfer::timeoutSeconds),
      columns.int4(transfers, Transfer::code),
      columns.text(transfers, t -> t.asset().name()),
      columns.epochMicros(transfers, Transfer::timestamp),
      pg.createArrayOf("int8", accounts.ids)
    };
    long updated;
    try (PreparedStatement write = connection.prepareStatement(WRITE)) {
      for (int i = 0; i < arrays.length; i++) {
        write.setArray(i + 1, arrays[i]);
      }
      LedgerBatchWriter.setBalances(write, arrays.length + 1, pg, accounts);
      try (ResultSet count = write.executeQuery()) {
        count.next();
        updated = count.getLong(1);
      }
    }
    LedgerBatchWriter.requireAllUpdated(updated, balances.size());
  }
}
