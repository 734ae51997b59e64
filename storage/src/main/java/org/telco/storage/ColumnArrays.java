package org.telco.storage;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import org.postgresql.PGConnection;

/**
 * Turns one column of a collection of rows into a PostgreSQL array parameter, so a statement like
 * {@code INSERT ... SELECT * FROM unnest(?, ?, ...)} writes any number of rows in one round trip.
 * Each method walks the rows once, in their order.
 *
 * @param connection the connection the arrays are bound on
 */
public record ColumnArrays(PGConnection connection) {
  /** A {@code text[]} of one string column. */
  public <R> Array text(Collection<R> rows, Function<R, String> column) throws SQLException {
    String[] values = new String[rows.size()];
    int i = 0;
    for (R row : rows) {
      values[i++] = column.apply(row);
    }
    return connection.createArrayOf("text", values);
  }

  /** An {@code int4[]} of one int column. */
  public <R> Array int4(Collection<R> rows, ToIntFunction<R> column) throws SQLException {
    int[] values = new int[rows.size()];
    int i = 0;
    for (R row : rows) {
      values[i++] = column.applyAsInt(row);
    }
    return connection.createArrayOf("int4", values);
  }

  /** An {@code int8[]} of one long column. */
  public <R> Array int8(Collection<R> rows, ToLongFunction<R> column) throws SQLException {
    long[] values = new long[rows.size()];
    int i = 0;
    for (R row : rows) {
      values[i++] = column.applyAsLong(row);
    }
    return connection.createArrayOf("int8", values);
  }

  /** An {@code int8[]} of one instant column, as microseconds since the epoch. */
  public <R> Array epochMicros(Collection<R> rows, Function<R, Instant> column)
      throws SQLException {
    long[] values = new long[rows.size()];
    int i = 0;
    for (R row : rows) {
      values[i++] = EpochMicros.of(column.apply(row));
    }
    return connection.createArrayOf("int8", values);
  }

  /**
   * An {@code int8[]} of one optional instant column, as microseconds since the epoch; a null
   * instant stays a null element (so the row's {@code timestamptz} is NULL).
   */
  public <R> Array epochMicrosOrNull(Collection<R> rows, Function<R, Instant> column)
      throws SQLException {
    Long[] values = new Long[rows.size()];
    int i = 0;
    for (R row : rows) {
      Instant instant = column.apply(row);
      values[i++] = instant == null ? null : EpochMicros.of(instant);
    }
    return connection.createArrayOf("int8", values);
  }
}
