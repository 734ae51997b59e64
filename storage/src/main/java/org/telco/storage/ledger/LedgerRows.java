package org.telco.storage.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.telco.ledger.Account;
import org.telco.ledger.AccountFlag;
import org.telco.ledger.AccountId;
import org.telco.ledger.Asset;
import org.telco.ledger.Transfer;
import org.telco.ledger.TransferFlag;
import org.telco.ledger.TransferId;

/**
 * How ledger records map to rows: flag sets as int bitmasks (bit n set when the constant with
 * ordinal n is in the set), assets by name, and the column lists the queries select. Decoded flag
 * sets are shared immutable instances, so loading millions of rows does not build millions of sets.
 */
final class LedgerRows {
  /** The columns {@link #account} reads, in order. */
  static final String ACCOUNT_COLUMNS =
      "id, asset, flags, name, debits_pending, debits_posted, credits_pending, credits_posted,"
          + " created_at";

  /** The columns {@link #transfer} reads, in order. */
  static final String TRANSFER_COLUMNS =
      "id, debit_account_id, credit_account_id, amount, pending_id, flags, timeout_seconds,"
          + " code, asset, ts";

  private static final List<Set<AccountFlag>> ACCOUNT_FLAG_SETS = allSets(AccountFlag.class);
  private static final List<Set<TransferFlag>> TRANSFER_FLAG_SETS = allSets(TransferFlag.class);

  private LedgerRows() {}

  /** The bitmask of a flag set. */
  static <E extends Enum<E>> int bits(Set<E> flags) {
    int bits = 0;
    for (E flag : flags) {
      bits |= 1 << flag.ordinal();
    }
    return bits;
  }

  /** The account in the current row, selected with {@link #ACCOUNT_COLUMNS}. */
  static Account account(ResultSet row) throws SQLException {
    return new Account(
        new AccountId(row.getLong(1)),
        Asset.valueOf(row.getString(2)),
        ACCOUNT_FLAG_SETS.get(row.getInt(3)),
        row.getString(4),
        row.getLong(5),
        row.getLong(6),
        row.getLong(7),
        row.getLong(8),
        row.getObject(9, OffsetDateTime.class).toInstant());
  }

  /** The transfer in the current row, selected with {@link #TRANSFER_COLUMNS}. */
  static Transfer transfer(ResultSet row) throws SQLException {
    String pendingId = row.getString(5);
    return new Transfer(
        new TransferId(row.getString(1)),
        new AccountId(row.getLong(2)),
        new AccountId(row.getLong(3)),
        row.getLong(4),
        pendingId == null ? null : new TransferId(pendingId),
        TRANSFER_FLAG_SETS.get(row.getInt(6)),
        row.getLong(7),
        row.getInt(8),
        Asset.valueOf(row.getString(9)),
        row.getObject(10, OffsetDateTime.class).toInstant());
  }

  /** Every subset of the enum's constants, indexed by its bitmask. */
  private static <E extends Enum<E>> List<Set<E>> allSets(Class<E> type) {
    E[] constants = type.getEnumConstants();
    List<Set<E>> sets = new ArrayList<>(1 << constants.length);
    for (int bits = 0; bits < 1 << constants.length; bits++) {
      Set<E> set = EnumSet.noneOf(type);
      for (E constant : constants) {
        if ((bits & 1 << constant.ordinal()) != 0) {
          set.add(constant);
        }
      }
      sets.add(Set.copyOf(set));
    }
    return List.copyOf(sets);
  }
}
