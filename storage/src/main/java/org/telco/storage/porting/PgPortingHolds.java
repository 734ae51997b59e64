package org.telco.storage.porting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.telco.porting.PortingHold;
import org.telco.porting.PortingHolds;
import org.telco.storage.Timestamps;
import org.telco.subscriber.Msisdn;

/** The donor's porting holds on PostgreSQL (V018, table {@code porting_hold}). */
public final class PgPortingHolds implements PortingHolds {
  private static final String FIND =
      """
      SELECT locked, sim_swapped_at, lock_in_until, early_termination_fen
      FROM porting_hold WHERE msisdn = ?
      """;
  private static final String PUT =
      """
      INSERT INTO porting_hold (msisdn, locked, sim_swapped_at, lock_in_until, early_termination_fen)
      VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (msisdn) DO UPDATE SET locked = excluded.locked,
        sim_swapped_at = excluded.sim_swapped_at, lock_in_until = excluded.lock_in_until,
        early_termination_fen = excluded.early_termination_fen
      """;

  private final DataSource dataSource;

  /** The holds in an operator's database. */
  public PgPortingHolds(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Optional<PortingHold> find(Msisdn msisdn) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(FIND)) {
      select.setString(1, msisdn.digits());
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new PortingHold(
                msisdn,
                rows.getBoolean(1),
                Timestamps.read(rows, 2),
                Timestamps.read(rows, 3),
                rows.getLong(4)));
      }
    } catch (SQLException e) {
      throw new PortingStoreFailure("cannot read the porting hold of " + msisdn, e);
    }
  }

  @Override
  public void put(PortingHold hold) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement upsert = connection.prepareStatement(PUT)) {
      upsert.setString(1, hold.msisdn().digits());
      upsert.setBoolean(2, hold.locked());
      Timestamps.set(upsert, 3, hold.simSwappedAt());
      Timestamps.set(upsert, 4, hold.lockInUntil());
      upsert.setLong(5, hold.earlyTerminationFen());
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw new PortingStoreFailure("cannot keep the porting hold of " + hold.msisdn(), e);
    }
  }
}
