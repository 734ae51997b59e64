package org.telco.storage.time;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.telco.storage.ColumnArrays;
import org.telco.storage.IdempotentInsert;
import org.telco.time.Timer;
import org.telco.time.TimerStore;

/**
 * The durable {@link TimerStore}: timers are rows of table {@code timer}.
 *
 * <p>It behaves like {@link org.telco.time.InMemoryTimerStore}: scheduling an id that exists
 * changes nothing, and a fired timer keeps its row (with {@code fired_at}), so it never comes back.
 * Other stores write their timers in their own transaction with {@link #schedule(Connection,
 * Collection)}, so a state change and its timer commit together.
 */
public final class PgTimerStore implements TimerStore {
  /**
   * Timers bound as one array per column, without a conflict clause ({@link IdempotentInsert} adds
   * one).
   */
  private static final String INSERT =
      """
      INSERT INTO timer (id, kind, payload, due_at)
      SELECT u.id, u.kind, u.payload, timestamptz 'epoch' + u.due_us * interval '1 microsecond'
      FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[]) AS u(id, kind, payload, due_us)
      """;

  private static final String DUE =
      """
      SELECT id, kind, payload, due_at FROM timer
      WHERE fired_at IS NULL AND due_at <= ?
      ORDER BY due_at, id
      LIMIT ?
      """;
  // The same order and index as DUE, from a given timer on: the row comparison is an index range.
  private static final String DUE_AFTER =
      """
      SELECT id, kind, payload, due_at FROM timer
      WHERE fired_at IS NULL AND due_at <= ? AND (due_at, id) > (?, ?)
      ORDER BY due_at, id
      LIMIT ?
      """;
  private static final String COMPLETE =
      "UPDATE timer SET fired_at = ? WHERE id = ? AND fired_at IS NULL";
  private static final String COMPLETE_ALL =
      "UPDATE timer SET fired_at = ? WHERE id = ANY (?::text[]) AND fired_at IS NULL";
  private static final String POSTPONE =
      "UPDATE timer SET due_at = ?, attempts = attempts + 1 WHERE id = ? AND fired_at IS NULL";
  private static final String POSTPONE_ALL =
      """
      UPDATE timer SET due_at = ?, attempts = attempts + 1
      WHERE id = ANY (?::text[]) AND fired_at IS NULL
      """;
  // The unfired rows are deleted and written again, with the same ids, in one statement: the
  // unique index lets a row take the id of one its own transaction deleted. An UPDATE could not
  // be HOT (due_at is indexed), and measured 2 to 4 times as slow: it writes the new row version
  // and its index entries as the INSERT does, and also marks the old one, on a page the batch
  // fills up, so the new version lands on another page.
  private static final String REARM_ALL =
      """
      WITH gone AS (
        DELETE FROM timer WHERE id = ANY (?::text[]) AND fired_at IS NULL RETURNING id)
      INSERT INTO timer (id, kind, payload, due_at)
      SELECT u.id, u.kind, u.payload, timestamptz 'epoch' + u.due_us * interval '1 microsecond'
      FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[]) AS u(id, kind, payload, due_us)
      WHERE u.id IN (SELECT id FROM gone)
      """;
  private static final String PENDING_COUNT = "SELECT count(*) FROM timer WHERE fired_at IS NULL";

  private final DataSource dataSource;

  /** A store on the migrated database behind {@code dataSource}. */
  public PgTimerStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Schedules timers on {@code connection}, inside whatever transaction it has open; ids that exist
   * already, fired or not, are left as they are. One statement for all timers, or two when an id is
   * taken ({@link IdempotentInsert}).
   */
  public static void schedule(Connection connection, Collection<Timer> timers) throws SQLException {
    if (timers.isEmpty()) {
      return;
    }
    ColumnArrays columns = new ColumnArrays(connection.unwrap(PGConnection.class));
    IdempotentInsert.run(
        connection,
        INSERT,
        insert -> {
          insert.setArray(1, columns.text(timers, Timer::id));
          insert.setArray(2, columns.text(timers, Timer::kind));
          insert.setArray(3, columns.text(timers, Timer::payload));
          insert.setArray(4, columns.epochMicros(timers, Timer::dueAt));
        });
  }

  @Override
  public void schedule(Timer timer) {
    try (Connection connection = dataSource.getConnection()) {
      schedule(connection, List.of(timer));
    } catch (SQLException e) {
      throw new TimerStoreFailure("cannot schedule timer " + timer.id(), e);
    }
  }

  /**
   * One statement for the whole batch (as {@link #schedule(Connection, Collection)}), so a fee run
   * barring thousands of numbers schedules their offers in one round trip; an empty batch does not
   * touch the database.
   */
  @Override
  public void scheduleAll(List<Timer> timers) {
    if (timers.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      schedule(connection, timers);
    } catch (SQLException e) {
      throw new TimerStoreFailure("cannot schedule " + timers.size() + " timers", e);
    }
  }

  @Override
  public List<Timer> due(Instant now, int limit) {
    return dueAfter(now, null, limit);
  }

  /**
   * One indexed query, in the order of {@link #due}: the scan of {@code timer_due} starts after
   * {@code after}, so neither the timers before it nor the index entries of those fired since
   * (which stay until vacuum removes them) are read again, and paging through a large backlog reads
   * each timer once.
   */
  @Override
  public List<Timer> dueAfter(Instant now, Timer after, int limit) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(after == null ? DUE : DUE_AFTER)) {
      int next = 1;
      select.setObject(next++, utc(now));
      if (after != null) {
        select.setObject(next++, utc(after.dueAt()));
        select.setString(next++, after.id());
      }
      select.setInt(next, limit);
      List<Timer> due = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          due.add(
              new Timer(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getObject(4, OffsetDateTime.class).toInstant()));
        }
      }
      return due;
    } catch (SQLException e) {
      throw new TimerStoreFailure("cannot read due timers", e);
    }
  }

  @Override
  public void complete(String id, Instant firedAt) {
    update(COMPLETE, id, firedAt);
  }

  /**
   * One statement for the whole batch, so the poller can complete a round of thousands of timers at
   * once; unknown and already fired ids are left as they are, and an empty batch does not touch the
   * database.
   */
  @Override
  public void completeAll(List<String> ids, Instant firedAt) {
    if (ids.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(COMPLETE_ALL)) {
      update.setObject(1, utc(firedAt));
      update.setArray(2, connection.createArrayOf("text", ids.toArray(String[]::new)));
      update.executeUpdate();
    } catch (SQLException e) {
      throw new TimerStoreFailure("cannot complete " + ids.size() + " timers", e);
    }
  }

  /**
   * One statement for the whole batch: the poller re-arms the offers of a batch of emergency credit
   * as their deadlines at once. Fired and unknown ids are left alone; an empty batch does not touch
   * the database.
   */
  @Override
  public void rearmAll(List<Timer> timers) {
    if (timers.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(REARM_ALL)) {
      ColumnArrays columns = new ColumnArrays(connection.unwrap(PGConnection.class));
      Array ids = columns.text(timers, Timer::id);
      update.setArray(1, ids);
      update.setArray(2, ids);
      update.setArray(3, columns.text(timers, Timer::kind));
      update.setArray(4, columns.text(timers, Timer::payload));
      update.setArray(5, columns.epochMicros(timers, Timer::dueAt));
      update.executeUpdate();
    } catch (SQLException e) {
      throw new TimerStoreFailure("cannot re-arm " + timers.size() + " timers", e);
    }
  }

  @Override
  public void postpone(String id, Instant dueAt) {
    update(POSTPONE, id, dueAt);
  }

  /** One statement for the whole batch; an empty one does not touch the database. */
  @Override
  public void postponeAll(List<String> ids, Instant dueAt) {
    if (ids.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(POSTPONE_ALL)) {
      update.setObject(1, utc(dueAt));
      update.setArray(2, connection.createArrayOf("text", ids.toArray(String[]::new)));
      update.executeUpdate();
    } catch (SQLException e) {
      throw new TimerStoreFailure("cannot postpone " + ids.size() + " timers", e);
    }
  }

  @Override
  public int pendingCount() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count = connection.prepareStatement(PENDING_COUNT);
        ResultSet rows = count.executeQuery()) {
      rows.next();
      return rows.getInt(1);
    } catch (SQLException e) {
      throw new TimerStoreFailure("cannot count pending timers", e);
    }
  }

  private void update(String sql, String id, Instant instant) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      update.setObject(1, utc(instant));
      update.setString(2, id);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new TimerStoreFailure("cannot update timer " + id, e);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
