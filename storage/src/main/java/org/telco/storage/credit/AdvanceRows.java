package org.telco.storage.credit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.telco.credit.Advance;
import org.telco.credit.AdvanceState;
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
        instant(row, 6),
        instant(row, 7),
        AdvanceState.valueOf(row.getString(8)),
        instant(row, 9));
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
    setInstant(statement, first + 5, advance.grantedAt());
    setInstant(statement, first + 6, advance.deadline());
    statement.setString(first + 7, advance.state().name());
    setInstant(statement, first + 8, advance.closedAt());
  }

  /** Binds the instant, truncated to the microsecond; a null one as a NULL timestamptz. */
  private static void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
    }
  }

  private static Instant instant(ResultSet row, int index) throws SQLException {
    OffsetDateTime value = row.getObject(index, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
