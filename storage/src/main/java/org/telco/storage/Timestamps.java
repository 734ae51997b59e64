package org.telco.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants to {@code timestamptz} and back, the same for every store. PostgreSQL keeps
 * microseconds, so an instant is cut to the microsecond before it is written: a value that is
 * written and read back then compares equal to what was written, which the stores' compare-and-set
 * and replay checks rely on.
 */
public final class Timestamps {
  private Timestamps() {}

  /** The instant as PostgreSQL will keep it, in UTC. */
  public static OffsetDateTime utc(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  /** Binds {@code instant} cut to the microsecond; a null one as a NULL timestamptz. */
  public static void set(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, utc(instant));
    }
  }

  /** The instant in column {@code index}, or null for a NULL. */
  public static Instant read(ResultSet row, int index) throws SQLException {
    OffsetDateTime value = row.getObject(index, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
