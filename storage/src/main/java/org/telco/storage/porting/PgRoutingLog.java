package org.telco.storage.porting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.telco.storage.Timestamps;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;

/**
 * The clearinghouse's routing database on PostgreSQL (V018): the log of routing changes, one per
 * port under consecutive versions, and the latest operator per ported number. Recording a port is
 * one transaction: a port recorded before is left as it is (a retry), else the version counter's
 * row is locked, the next version taken, the change appended and the number's record replaced (or,
 * for a repatriation, removed).
 */
public final class PgRoutingLog {
  private static final String SEEN = "SELECT 1 FROM routing_change WHERE port_id = ?";
  private static final String NEXT_VERSION =
      "UPDATE routing_version SET version = version + 1 RETURNING version";
  private static final String CHANGE =
      """
      INSERT INTO routing_change (version, msisdn, operator, port_id, repatriated, at)
      VALUES (?, ?, ?, ?, ?, ?)
      """;
  private static final String FORGET = "DELETE FROM routing_record WHERE msisdn = ?";
  private static final String RECORD =
      """
      INSERT INTO routing_record (msisdn, operator, version) VALUES (?, ?, ?)
      ON CONFLICT (msisdn) DO UPDATE SET operator = excluded.operator, version = excluded.version
      """;
  private static final String LOOKUP =
      "SELECT operator, version FROM routing_record WHERE msisdn = ?";
  private static final String SINCE =
      """
      SELECT version, msisdn, operator, port_id, repatriated, at FROM routing_change
      WHERE version > ? ORDER BY version LIMIT ?
      """;
  private static final String LATEST = "SELECT version FROM routing_version";

  /** SQLSTATE of a unique violation: a racing call recorded the same port first. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;
  private final Clock clock;

  /** The log over the clearinghouse's database. */
  public PgRoutingLog(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /**
   * One entry of the log.
   *
   * @param version its place, consecutive from 1
   * @param msisdn the number
   * @param operator where it is served from now on
   * @param portId the port that moved it
   * @param repatriated whether it went back to its range holder (and has no record any more)
   * @param at when it was recorded
   */
  public record Change(
      long version,
      Msisdn msisdn,
      OperatorId operator,
      String portId,
      boolean repatriated,
      Instant at) {}

  /**
   * Records that {@code msisdn} is served by {@code recipient} from now on, once per port.
   *
   * @param repatriated whether {@code recipient} holds the number's range: the record is removed
   * @return whether this call recorded it (false: the port was recorded before)
   */
  public boolean record(String portId, Msisdn msisdn, OperatorId recipient, boolean repatriated) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        boolean fresh = !seen(connection, portId);
        if (fresh) {
          append(connection, portId, msisdn, recipient, repatriated);
        }
        connection.commit();
        return fresh;
      } catch (SQLException e) {
        connection.rollback();
        if (UNIQUE_VIOLATION.equals(e.getSQLState()) && seen(connection, portId)) {
          // A racing call (the accept and the clearinghouse's resume) recorded this port first.
          return false;
        }
        throw e;
      } catch (RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new PortingStoreFailure("cannot record the routing of " + msisdn, e);
    }
  }

  private static boolean seen(Connection connection, String portId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(SEEN)) {
      select.setString(1, portId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }

  private void append(
      Connection connection,
      String portId,
      Msisdn msisdn,
      OperatorId recipient,
      boolean repatriated)
      throws SQLException {
    long version;
    try (PreparedStatement next = connection.prepareStatement(NEXT_VERSION);
        ResultSet rows = next.executeQuery()) {
      rows.next();
      version = rows.getLong(1);
    }
    try (PreparedStatement change = connection.prepareStatement(CHANGE)) {
      change.setLong(1, version);
      change.setString(2, msisdn.digits());
      change.setString(3, recipient.value());
      change.setString(4, portId);
      change.setBoolean(5, repatriated);
      Timestamps.set(change, 6, clock.instant());
      change.executeUpdate();
    }
    if (repatriated) {
      try (PreparedStatement forget = connection.prepareStatement(FORGET)) {
        forget.setString(1, msisdn.digits());
        forget.executeUpdate();
      }
      return;
    }
    try (PreparedStatement record = connection.prepareStatement(RECORD)) {
      record.setString(1, msisdn.digits());
      record.setString(2, recipient.value());
      record.setLong(3, version);
      record.executeUpdate();
    }
  }

  /** The operator serving {@code msisdn} after its last port, if it was ever ported. */
  public Optional<OperatorId> operatorOf(Msisdn msisdn) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(LOOKUP)) {
      select.setString(1, msisdn.digits());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(new OperatorId(rows.getString(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new PortingStoreFailure("cannot look up " + msisdn, e);
    }
  }

  /** Up to {@code limit} changes after {@code version}, in order: what a replica replays. */
  public List<Change> since(long version, int limit) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(SINCE)) {
      select.setLong(1, version);
      select.setInt(2, limit);
      List<Change> changes = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          changes.add(
              new Change(
                  rows.getLong(1),
                  new Msisdn(rows.getString(2)),
                  new OperatorId(rows.getString(3)),
                  rows.getString(4),
                  rows.getBoolean(5),
                  rows.getObject(6, OffsetDateTime.class).toInstant()));
        }
      }
      return changes;
    } catch (SQLException e) {
      throw new PortingStoreFailure("cannot read the routing changes after " + version, e);
    }
  }

  /** The version of the latest change; 0 before the first. */
  public long latestVersion() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(LATEST);
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new PortingStoreFailure("cannot read the routing version", e);
    }
  }
}
