package org.telco.storage.traffic;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.telco.charging.ChargingRef;
import org.telco.charging.ChargingSession;
import org.telco.charging.Reservation;
import org.telco.charging.SessionState;
import org.telco.ledger.AccountId;
import org.telco.ledger.TransferId;
import org.telco.storage.ColumnArrays;
import org.telco.storage.Timestamps;
import org.telco.subscriber.Msisdn;
import org.telco.traffic.BucketId;
import org.telco.traffic.RatingGroup;

/**
 * Rows of {@code charging_session} to sessions and back. The reservations are six parallel arrays,
 * element i of each describing reservation i; they run by rating group, and within a rating group
 * in the order the reservations were made, which is the order {@link ChargingSession#held} gives
 * them in, so reading them back rebuilds the same map.
 */
final class SessionRows {
  /** The columns {@link #session} reads and {@link #bind} writes, in this order. */
  static final String COLUMNS =
      "ref, msisdn, family, notify_uri, state, sequence, answer, res_group, res_pending,"
          + " res_account, res_bucket, res_bytes, res_fen, created_at, updated_at";

  /** How many columns {@link #COLUMNS} names. */
  static final int WIDTH = 15;

  private SessionRows() {}

  static ChargingSession session(ResultSet row) throws SQLException {
    Long[] groups = TrafficRows.longs(row.getArray(8));
    String[] pending = strings(row, 9);
    Long[] accounts = TrafficRows.longs(row.getArray(10));
    String[] buckets = strings(row, 11);
    Long[] bytes = TrafficRows.longs(row.getArray(12));
    Long[] fen = TrafficRows.longs(row.getArray(13));
    Map<RatingGroup, List<Reservation>> held = new LinkedHashMap<>();
    for (int i = 0; i < groups.length; i++) {
      Reservation reservation =
          new Reservation(
              new TransferId(pending[i]),
              new AccountId(accounts[i]),
              buckets[i] == null ? null : new BucketId(buckets[i]),
              bytes[i],
              fen[i]);
      held.computeIfAbsent(new RatingGroup(groups[i]), g -> new ArrayList<>()).add(reservation);
    }
    return new ChargingSession(
        new ChargingRef(row.getString(1)),
        new Msisdn(row.getString(2)),
        row.getLong(3),
        row.getString(4),
        SessionState.valueOf(row.getString(5)),
        row.getLong(6),
        row.getString(7),
        held,
        Timestamps.read(row, 14),
        Timestamps.read(row, 15));
  }

  /** Binds the session's {@link #WIDTH} columns from {@code first} on. */
  static void bind(PreparedStatement statement, int first, ChargingSession session)
      throws SQLException {
    List<RatingGroup> groups = new ArrayList<>();
    List<Reservation> reservations = new ArrayList<>();
    session
        .held()
        .forEach(
            (group, list) ->
                list.forEach(
                    r -> {
                      groups.add(group);
                      reservations.add(r);
                    }));
    Connection connection = statement.getConnection();
    ColumnArrays arrays = new ColumnArrays(connection.unwrap(PGConnection.class));
    statement.setString(first, session.ref().value());
    statement.setString(first + 1, session.msisdn().digits());
    statement.setLong(first + 2, session.family());
    statement.setString(first + 3, session.notifyUri());
    statement.setString(first + 4, session.state().name());
    statement.setLong(first + 5, session.sequence());
    statement.setString(first + 6, session.answer());
    statement.setArray(first + 7, TrafficRows.ratingGroups(connection, groups));
    statement.setArray(first + 8, arrays.text(reservations, r -> r.pendingId().value()));
    statement.setArray(first + 9, arrays.int8(reservations, r -> r.account().value()));
    statement.setArray(
        first + 10, arrays.text(reservations, r -> r.isMoney() ? null : r.bucket().value()));
    statement.setArray(first + 11, arrays.int8(reservations, Reservation::bytes));
    statement.setArray(first + 12, arrays.int8(reservations, Reservation::fen));
    Timestamps.set(statement, first + 13, session.createdAt());
    Timestamps.set(statement, first + 14, session.updatedAt());
  }

  private static String[] strings(ResultSet row, int index) throws SQLException {
    Array array = row.getArray(index);
    try {
      return (String[]) array.getArray();
    } finally {
      array.free();
    }
  }
}
