package org.telco.storage.subscriber;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.telco.storage.Timestamps;
import org.telco.subscriber.Imsi;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.SimDirectory;

/**
 * The durable {@link SimDirectory}: table {@code subscriber_sim} (V023). An assignment is one
 * upsert keyed by the number; the unique index on the IMSI decides a race between two numbers for
 * one SIM, and the loser is told {@link Assignment#TAKEN}.
 */
public final class PgSimDirectory implements SimDirectory {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String NUMBER_OF = "SELECT msisdn FROM subscriber_sim WHERE imsi = ?";
  private static final String SIM_OF = "SELECT imsi FROM subscriber_sim WHERE msisdn = ?";
  private static final String ASSIGN =
      """
      INSERT INTO subscriber_sim (msisdn, imsi, assigned_at) VALUES (?, ?, ?)
      ON CONFLICT (msisdn) DO UPDATE SET imsi = EXCLUDED.imsi, assigned_at = EXCLUDED.assigned_at
      """;

  private final DataSource dataSource;
  private final Clock clock;

  /** A directory on the migrated database behind {@code dataSource}. */
  public PgSimDirectory(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  @Override
  public Assignment assign(Msisdn msisdn, Imsi imsi) {
    Optional<Msisdn> holder = numberOf(imsi);
    if (holder.isPresent()) {
      return holder.get().equals(msisdn) ? Assignment.UNCHANGED : Assignment.TAKEN;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement upsert = connection.prepareStatement(ASSIGN)) {
      upsert.setString(1, msisdn.digits());
      upsert.setString(2, imsi.digits());
      Timestamps.set(upsert, 3, clock.instant());
      upsert.executeUpdate();
      return Assignment.ASSIGNED;
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        // Another number took the SIM since the look-up above, or this one did in a racing call.
        return numberOf(imsi).filter(msisdn::equals).isPresent()
            ? Assignment.UNCHANGED
            : Assignment.TAKEN;
      }
      throw new SubscriberStoreFailure("cannot give " + msisdn + " the SIM " + imsi, e);
    }
  }

  @Override
  public Optional<Msisdn> numberOf(Imsi imsi) {
    return one(NUMBER_OF, imsi.digits()).map(Msisdn::new);
  }

  @Override
  public Optional<Imsi> simOf(Msisdn msisdn) {
    return one(SIM_OF, msisdn.digits()).map(Imsi::new);
  }

  private Optional<String> one(String sql, String key) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, key);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new SubscriberStoreFailure("cannot read the SIM directory for " + key, e);
    }
  }
}
