package org.telco.storage.subscriber;

import static org.telco.storage.subscriber.SubscriberRows.CHANGE_COLUMNS;
import static org.telco.storage.subscriber.SubscriberRows.SUBSCRIBER_COLUMNS;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.telco.storage.Timestamps;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.StateChange;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberCreation;
import org.telco.subscriber.SubscriberState;
import org.telco.subscriber.SubscriberStore;
import org.telco.subscriber.SubscriberUpdate;
import org.telco.subscriber.SubscriberUpdateResult;

/**
 * The durable {@link SubscriberStore}: tables {@code subscriber} and {@code
 * subscriber_state_change}, and sequence {@code subscriber_family_serial}.
 *
 * <p>It behaves like {@link org.telco.subscriber.InMemorySubscriberStore}. The primary key decides
 * which of two concurrent subscriptions of a number wins. A batch of updates is one transaction of
 * a few statements whatever its size (see {@code SubscriberWrites}). Safe for concurrent use: each
 * call takes its own pooled connection.
 */
public final class PgSubscriberStore implements SubscriberStore {
  private static final String INSERT =
      """
      INSERT INTO subscriber (%s)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
      ON CONFLICT (msisdn) DO NOTHING
      """
          .formatted(SUBSCRIBER_COLUMNS);
  private static final String ONE =
      "SELECT %s FROM subscriber WHERE msisdn = ?".formatted(SUBSCRIBER_COLUMNS);
  private static final String SOME =
      "SELECT %s FROM subscriber WHERE msisdn = ANY (?::text[])".formatted(SUBSCRIBER_COLUMNS);
  private static final String HISTORY =
      "SELECT %s FROM subscriber_state_change WHERE msisdn = ? ORDER BY seq"
          .formatted(CHANGE_COLUMNS);
  // Walks subscriber_due (next_cycle_at, msisdn) in order and skips the numbers out of service;
  // the index has no state predicate (V013), so that a state change can be a HOT update.
  private static final String DUE =
      """
      SELECT %s FROM subscriber
      WHERE state IN ('ACTIVE', 'BARRED_ARREARS', 'SUSPENDED_VOLUNTARY', 'EMERGENCY_CREDIT')
        AND next_cycle_at <= ?
      ORDER BY next_cycle_at, msisdn
      LIMIT ?
      """
          .formatted(SUBSCRIBER_COLUMNS);
  // Numbers starting with a prefix of digits are the range [prefix, the next digit string that
  // does not start with it): an index range whatever the collation (digit strings sort the same in
  // all of them) and whatever the plan, which does not see the prefix (Database keeps one plan per
  // statement). A prefix of nines has no end: every digit string from it on starts with it.
  private static final String PREFIX_RANGE =
      """
      SELECT %s FROM subscriber
      WHERE msisdn >= ? AND msisdn < ?
      ORDER BY msisdn
      LIMIT ?
      """
          .formatted(SUBSCRIBER_COLUMNS);
  private static final String PREFIX_OPEN_ENDED =
      """
      SELECT %s FROM subscriber
      WHERE msisdn >= ?
      ORDER BY msisdn
      LIMIT ?
      """
          .formatted(SUBSCRIBER_COLUMNS);
  private static final Pattern DIGITS = Pattern.compile("[0-9]*");
  private static final String BY_STATE = "SELECT state, count(*) FROM subscriber GROUP BY state";
  private static final String NEXT_SERIAL = "SELECT nextval('subscriber_family_serial')";

  private final DataSource dataSource;

  /** A store on the migrated database behind {@code dataSource}. */
  public PgSubscriberStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the subscriber is not ACTIVE
   * @throws SubscriberStoreFailure when the database fails, or the accounts belong to another
   *     subscriber (a bug in the caller)
   */
  @Override
  public SubscriberCreation create(Subscriber subscriber) {
    if (subscriber.state() != SubscriberState.ACTIVE) {
      throw new IllegalArgumentException("a new subscriber is ACTIVE, not " + subscriber.state());
    }
    Subscriber stored = subscriber.withVersion(0);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        if (insert(connection, stored)) {
          SubscriberWrites.appendHistory(
              connection, List.of(StateChange.subscribed(stored.msisdn(), stored.createdAt())));
          connection.commit();
          return new SubscriberCreation.Created(stored);
        }
        connection.rollback();
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        throw e;
      }
      connection.setAutoCommit(true);
      return new SubscriberCreation.MsisdnTaken(find(connection, stored.msisdn()).orElseThrow());
    } catch (SQLException e) {
      throw new SubscriberStoreFailure("cannot create subscriber " + subscriber.msisdn(), e);
    }
  }

  private static boolean insert(Connection connection, Subscriber subscriber) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setString(1, subscriber.msisdn().digits());
      insert.setString(2, subscriber.operatorId().value());
      insert.setString(3, subscriber.planId().value());
      insert.setString(4, subscriber.state().name());
      insert.setString(5, subscriber.password().encoded());
      insert.setLong(6, subscriber.moneyAccount().value());
      insert.setLong(7, subscriber.arrearsAccount().value());
      Timestamps.set(insert, 8, subscriber.createdAt());
      Timestamps.set(insert, 9, subscriber.nextCycleAt());
      return insert.executeUpdate() == 1;
    }
  }

  @Override
  public Optional<Subscriber> find(Msisdn msisdn) {
    try (Connection connection = dataSource.getConnection()) {
      return find(connection, msisdn);
    } catch (SQLException e) {
      throw new SubscriberStoreFailure("cannot read subscriber " + msisdn, e);
    }
  }

  /** One query for the whole collection. */
  @Override
  public Map<Msisdn, Subscriber> findAll(Collection<Msisdn> msisdns) {
    Map<Msisdn, Subscriber> found = new HashMap<>();
    if (msisdns.isEmpty()) {
      return found;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(SOME)) {
      select.setArray(
          1, connection.createArrayOf("text", msisdns.stream().map(Msisdn::digits).toArray()));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          Subscriber subscriber = SubscriberRows.subscriber(rows);
          found.put(subscriber.msisdn(), subscriber);
        }
      }
      return found;
    } catch (SQLException e) {
      throw new SubscriberStoreFailure("cannot read " + msisdns.size() + " subscribers", e);
    }
  }

  private static Optional<Subscriber> find(Connection connection, Msisdn msisdn)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(ONE)) {
      select.setString(1, msisdn.digits());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(SubscriberRows.subscriber(rows)) : Optional.empty();
      }
    }
  }

  @Override
  public List<SubscriberUpdateResult> updateAll(List<SubscriberUpdate> updates) {
    Set<Msisdn> named = new HashSet<>();
    for (SubscriberUpdate update : updates) {
      if (!named.add(update.subscriber().msisdn())) {
        throw new IllegalArgumentException("two updates of " + update.subscriber().msisdn());
      }
    }
    if (updates.isEmpty()) {
      return List.of();
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        List<SubscriberUpdateResult> results = SubscriberWrites.applyAll(connection, updates);
        connection.commit();
        return results;
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new SubscriberStoreFailure("cannot update " + updates.size() + " subscribers", e);
    }
  }

  @Override
  public List<StateChange> history(Msisdn msisdn) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(HISTORY)) {
      select.setString(1, msisdn.digits());
      List<StateChange> history = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          history.add(SubscriberRows.change(rows));
        }
      }
      return history;
    } catch (SQLException e) {
      throw new SubscriberStoreFailure("cannot read the history of " + msisdn, e);
    }
  }

  @Override
  public List<Subscriber> dueForCycle(Instant now, int limit) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(DUE)) {
      Timestamps.set(select, 1, now);
      select.setInt(2, limit);
      List<Subscriber> due = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          due.add(SubscriberRows.subscriber(rows));
        }
      }
      return due;
    } catch (SQLException e) {
      throw new SubscriberStoreFailure("cannot read subscribers due for a cycle", e);
    }
  }

  @Override
  public List<Subscriber> numbersStartingWith(String digitsPrefix, int limit) {
    if (!DIGITS.matcher(digitsPrefix).matches()) {
      return List.of();
    }
    String end = endOfPrefix(digitsPrefix);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(end == null ? PREFIX_OPEN_ENDED : PREFIX_RANGE)) {
      int next = 1;
      select.setString(next++, digitsPrefix);
      if (end != null) {
        select.setString(next++, end);
      }
      select.setInt(next, limit);
      List<Subscriber> found = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(SubscriberRows.subscriber(rows));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new SubscriberStoreFailure("cannot search numbers by prefix", e);
    }
  }

  /**
   * The least digit string after every one that starts with {@code prefix} ("8614" for "8613",
   * "862" for "86199"), or null for a prefix of nines, which nothing follows.
   */
  static String endOfPrefix(String prefix) {
    int last = prefix.length() - 1;
    while (last >= 0 && prefix.charAt(last) == '9') {
      last--;
    }
    if (last < 0) {
      return null;
    }
    return prefix.substring(0, last) + (char) (prefix.charAt(last) + 1);
  }

  @Override
  public Map<SubscriberState, Long> countByState() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(BY_STATE);
        ResultSet rows = select.executeQuery()) {
      Map<SubscriberState, Long> counts = new EnumMap<>(SubscriberState.class);
      while (rows.next()) {
        counts.put(SubscriberState.valueOf(rows.getString(1)), rows.getLong(2));
      }
      return counts;
    } catch (SQLException e) {
      throw new SubscriberStoreFailure("cannot count subscribers by state", e);
    }
  }

  @Override
  public long nextFamilySerial() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(NEXT_SERIAL);
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new SubscriberStoreFailure("cannot take a family serial", e);
    }
  }

  /** Rolls back after a failure, keeping the failure as the one reported. */
  private static void rollback(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
