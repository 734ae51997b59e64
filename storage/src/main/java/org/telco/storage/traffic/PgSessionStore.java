package org.telco.storage.traffic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.telco.charging.ChargingRef;
import org.telco.charging.ChargingSession;
import org.telco.charging.DailyUsage;
import org.telco.charging.SessionStore;
import org.telco.storage.ColumnArrays;
import org.telco.subscriber.Msisdn;
import org.telco.traffic.RatingGroup;

/**
 * The durable {@link SessionStore}: tables {@code charging_session} and {@code
 * charging_daily_usage} (V019).
 *
 * <p>It behaves like {@link org.telco.charging.InMemorySessionStore}, with the database deciding
 * the races. A save is one transaction: an {@code UPDATE ... WHERE sequence = ?} of the session
 * and, only if that changed the row, one upsert that adds the reported usage to each day and rating
 * group (summed first, so one request may report a pair twice). Of two saves from one sequence, the
 * one that waits for the other's row lock finds the sequence moved on and writes nothing. {@link
 * #saveAll} writes many saves in one transaction, and may insert a session on its first save, for
 * {@link SessionJournal}.
 */
public final class PgSessionStore implements SessionStore {
  private static final String UNIQUE_VIOLATION = "23505";

  private static final String CREATE =
      "INSERT INTO charging_session (%s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          .formatted(SessionRows.COLUMNS);
  private static final String INSERT_NEW = CREATE + " ON CONFLICT (ref) DO NOTHING";
  private static final String FIND =
      "SELECT %s FROM charging_session WHERE ref = ?".formatted(SessionRows.COLUMNS);
  private static final String SAVE =
      """
      UPDATE charging_session SET (%s) = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      WHERE ref = ? AND sequence = ?
      """
          .formatted(SessionRows.COLUMNS);
  private static final String ADD_USAGE =
      """
      INSERT INTO charging_daily_usage (day, rating_group, bytes)
      SELECT u.day::date, u.rating_group, sum(u.bytes)::bigint
      FROM unnest(?::text[], ?::int8[], ?::int8[]) AS u(day, rating_group, bytes)
      GROUP BY u.day, u.rating_group
      ORDER BY 1, 2
      ON CONFLICT (day, rating_group)
        DO UPDATE SET bytes = charging_daily_usage.bytes + excluded.bytes
      """;
  private static final String OPEN_OF =
      """
      SELECT %s FROM charging_session WHERE msisdn = ? AND state = 'OPEN'
      ORDER BY created_at, ref COLLATE "C"
      """
          .formatted(SessionRows.COLUMNS);
  private static final String USAGE =
      """
      SELECT day, rating_group, bytes FROM charging_daily_usage
      WHERE rating_group = ANY (?) AND day BETWEEN ? AND ?
      ORDER BY day, rating_group
      """;

  private final Transactions db;

  /** A store on the migrated database behind {@code dataSource}. */
  public PgSessionStore(DataSource dataSource) {
    this.db = new Transactions(dataSource);
  }

  @Override
  public void create(ChargingSession session) {
    db.autoCommit(
        "create charging session " + session.ref(),
        connection -> {
          try {
            return Transactions.update(connection, CREATE, s -> SessionRows.bind(s, 1, session));
          } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
              throw new IllegalStateException("charging ref drawn twice: " + session.ref(), e);
            }
            throw e;
          }
        });
  }

  @Override
  public Optional<ChargingSession> find(ChargingRef ref) {
    return db.one(
        "read charging session " + ref,
        FIND,
        s -> s.setString(1, ref.value()),
        SessionRows::session);
  }

  @Override
  public boolean save(ChargingSession next, long expectedSequence, Collection<DailyUsage> usage) {
    return db.inTransaction(
        "save charging session " + next.ref(),
        connection -> {
          int updated =
              Transactions.update(
                  connection,
                  SAVE,
                  s -> {
                    SessionRows.bind(s, 1, next);
                    s.setString(SessionRows.WIDTH + 1, next.ref().value());
                    s.setLong(SessionRows.WIDTH + 2, expectedSequence);
                  });
          if (updated == 0) {
            return false;
          }
          if (!usage.isEmpty()) {
            addUsage(connection, usage);
          }
          return true;
        });
  }

  /**
   * One save of {@link #saveAll}.
   *
   * @param next the session as it is to be stored
   * @param expectedSequence the sequence the stored session must still be at
   * @param usage the usage to add if it is written
   * @param insert whether the session was never stored: it is inserted (written unless its ref is
   *     taken) instead of compared and set
   */
  public record Save(
      ChargingSession next, long expectedSequence, Collection<DailyUsage> usage, boolean insert) {}

  /**
   * Writes many saves in one transaction (one commit, one fsync for all): each as {@link #save}
   * would, its session compare-and-set on its sequence, and the usage of those written added in one
   * statement, rows taken in (day, rating group) order.
   *
   * @return per save, whether it was written
   */
  public List<Boolean> saveAll(List<Save> saves) {
    return db.inTransaction(
        "save " + saves.size() + " charging sessions",
        connection -> {
          int[] inserted = insertAll(connection, saves);
          int[] updated = updateAll(connection, saves);
          List<Boolean> written = new ArrayList<>(saves.size());
          List<DailyUsage> usage = new ArrayList<>();
          for (int i = 0, inserts = 0, updates = 0; i < saves.size(); i++) {
            boolean ok = saves.get(i).insert() ? inserted[inserts++] > 0 : updated[updates++] > 0;
            written.add(ok);
            if (ok) {
              usage.addAll(saves.get(i).usage());
            }
          }
          if (!usage.isEmpty()) {
            addUsage(connection, usage);
          }
          return written;
        });
  }

  /** Inserts the sessions of the saves that insert; the row counts in their order. */
  private static int[] insertAll(Connection connection, List<Save> saves) throws SQLException {
    if (saves.stream().noneMatch(Save::insert)) {
      return new int[0];
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT_NEW)) {
      for (Save save : saves) {
        if (save.insert()) {
          SessionRows.bind(insert, 1, save.next());
          insert.addBatch();
        }
      }
      return insert.executeBatch();
    }
  }

  /** Compares and sets the sessions of the other saves; the row counts in their order. */
  private static int[] updateAll(Connection connection, List<Save> saves) throws SQLException {
    if (saves.stream().allMatch(Save::insert)) {
      return new int[0];
    }
    try (PreparedStatement update = connection.prepareStatement(SAVE)) {
      for (Save save : saves) {
        if (!save.insert()) {
          SessionRows.bind(update, 1, save.next());
          update.setString(SessionRows.WIDTH + 1, save.next().ref().value());
          update.setLong(SessionRows.WIDTH + 2, save.expectedSequence());
          update.addBatch();
        }
      }
      return update.executeBatch();
    }
  }

  private static void addUsage(Connection connection, Collection<DailyUsage> usage)
      throws SQLException {
    ColumnArrays arrays = new ColumnArrays(connection.unwrap(PGConnection.class));
    Transactions.update(
        connection,
        ADD_USAGE,
        s -> {
          s.setArray(1, arrays.text(usage, u -> u.day().toString()));
          s.setArray(2, arrays.int8(usage, u -> u.ratingGroup().value()));
          s.setArray(3, arrays.int8(usage, DailyUsage::bytes));
        });
  }

  @Override
  public List<ChargingSession> openOf(Msisdn msisdn) {
    return db.list(
        "list the open sessions of " + msisdn,
        OPEN_OF,
        s -> s.setString(1, msisdn.digits()),
        SessionRows::session);
  }

  @Override
  public List<DailyUsage> usage(Set<RatingGroup> groups, LocalDate from, LocalDate to) {
    return db.list(
        "read the daily usage from " + from + " to " + to,
        USAGE,
        s -> {
          s.setArray(1, TrafficRows.ratingGroups(s.getConnection(), groups));
          s.setObject(2, from);
          s.setObject(3, to);
        },
        r ->
            new DailyUsage(
                r.getObject(1, LocalDate.class), new RatingGroup(r.getLong(2)), r.getLong(3)));
  }
}
