package org.telco.storage.credit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.telco.credit.Advance;
import org.telco.credit.AdvanceState;
import org.telco.storage.Timestamps;
import org.telco.subscriber.Msisdn;

/**
 * How advances map to rows of table {@code advance}: the state by name, instants as {@code
 * timestamptz} truncated to the microsecond (as {@link org.telco.storage.EpochMicros} does, so a
 * stored instant reads back exactly and compares equal in {@link PgAdvanceStore#update}).
 */
final class AdvanceRows {
  /** The columns {@link #advance} reads and {@link #bind} binds, in order. */
  static final String COLUMNS =
      "id, msisdn, amount_fen, covered_fen, repaid_fen, granted_at, deadline, state, closed_at";

  /** How many columns {@link #bind} binds. */
  static final int WIDTH = 9;

  private AdvanceRows() {}

  /** Reads an advance from {@link #COLUMNS}. */
  static Advance advance(ResultSet row) throws SQLException {
    return new Advance(
        row.getString(1),
        new Msisdn(row.getString(2)),
        row.getLong(3),
        row.getLong(4),
        row.getLong(5),
        Timestamps.read(row, 6),
        Timestamps.read(row, 7),
        AdvanceState.valueOf(row.getString(8)),
        Timestamps.read(row, 9));
  }

  /**
   * Binds every field of {@code advance} as {@link #COLUMNS}, to the {@link #WIDTH} parameters from
   * {@code first} on.
   */
  static void bind(PreparedStatement statement, int first, Advance advance) throws SQLException {
    statement.setString(first, advance.id());
    statement.setString(first + 1, advance.msisdn().digits());
    statement.setLong(first + 2, advance.amountFen());
    statement.setLong(first + 3, advance.coveredFen());
    statement.setLong(first + 4, advance.repaidFen());
    Timestamps.set(statement, first + 5, advance.grantedAt());
    Timestamps.set(statement, first + 6, advance.deadline());
    statement.setString(first + 7, advance.state().name());
    Timestamps.set(statement, first + 8, advance.closedAt());
  }
}
