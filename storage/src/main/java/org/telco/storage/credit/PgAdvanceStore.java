package org.telco.storage.credit;

import static org.telco.storage.credit.AdvanceRows.COLUMNS;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.telco.credit.Advance;
import org.telco.credit.AdvanceStore;
import org.telco.credit.AdvanceSummary;
import org.telco.storage.ColumnArrays;
import org.telco.storage.IdempotentInsert;
import org.telco.subscriber.Msisdn;

/**
 * The durable {@link AdvanceStore}: table {@code advance}, one row per advance as it stands.
 *
 * <p>It behaves like {@link org.telco.credit.InMemoryAdvanceStore}, with the database deciding
 * races. A grant is an {@code INSERT ... ON CONFLICT DO NOTHING} that both the primary key (a taken
 * id) and the partial unique index {@code advance_one_open} (a number with an open advance) refuse,
 * so of two grants racing for one number exactly one is stored; a refusal is then told apart by
 * whether the id exists. A batch is tried by a plain {@code INSERT} first, which stores it whole
 * when nothing is refused, the common case ({@link IdempotentInsert}). An update is a
 * compare-and-set on every field of the advance as it was read: of two racing updates from the same
 * advance, the second waits for the first's row lock and then no longer matches. Instants are
 * truncated to the microsecond, as {@code timestamptz} keeps them. Safe for concurrent use: each
 * call takes its own pooled connection.
 */
public final class PgAdvanceStore implements AdvanceStore {
  private static final String INSERT =
      """
      INSERT INTO advance (%s)
      SELECT u.id, u.msisdn, u.amount_fen, u.covered_fen, u.repaid_fen,
             timestamptz 'epoch' + u.granted_us * interval '1 microsecond',
             timestamptz 'epoch' + u.deadline_us * interval '1 microsecond',
             u.state,
             timestamptz 'epoch' + u.closed_us * interval '1 microsecond'
      FROM unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
                  ?::bigint[], ?::text[], ?::bigint[])
        AS u(id, msisdn, amount_fen, covered_fen, repaid_fen, granted_us, deadline_us, state,
             closed_us)
      """
          .formatted(COLUMNS);
  // Both unique indexes (the id, one open advance per number) refuse a row without an error.
  private static final String INSERT_IGNORING = INSERT + "ON CONFLICT DO NOTHING\nRETURNING id";
  private static final String TAKEN = "SELECT id FROM advance WHERE id = ANY (?::text[])";
  private static final String UPDATE =
      """
      UPDATE advance SET (%1$s) = (?, ?, ?, ?, ?, ?, ?, ?, ?)
      WHERE id = ? AND (%1$s) IS NOT DISTINCT FROM (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """
          .formatted(COLUMNS);
  private static final String ONE = "SELECT %s FROM advance WHERE id = ?".formatted(COLUMNS);
  private static final String OPEN =
      "SELECT %s FROM advance WHERE msisdn = ? AND state IN ('OUTSTANDING', 'DEFAULTED')"
          .formatted(COLUMNS);
  private static final String OF_ONE =
      "SELECT %s FROM advance WHERE msisdn = ? ORDER BY granted_at, id".formatted(COLUMNS);
  private static final String OF_SOME =
      "SELECT %s FROM advance WHERE msisdn = ANY (?::text[]) ORDER BY msisdn, granted_at, id"
          .formatted(COLUMNS);
  private static final String SUMMARY =
      """
      SELECT count(*),
             coalesce(sum(amount_fen), 0)::bigint,
             coalesce(sum(repaid_fen), 0)::bigint,
             coalesce(sum(amount_fen - repaid_fen) FILTER (WHERE state = 'OUTSTANDING'), 0)::bigint,
             coalesce(sum(amount_fen - repaid_fen) FILTER (WHERE state = 'DEFAULTED'), 0)::bigint,
             count(*) FILTER (WHERE state IN ('DEFAULTED', 'RECOVERED'))
      FROM advance
      """;

  // Concurrent batches insert in number order, so two of them waiting for each other's rows of
  // the same numbers take turns instead of deadlocking.
  private static final Comparator<Advance> BY_NUMBER =
      Comparator.comparing(advance -> advance.msisdn().digits());

  private final DataSource dataSource;

  /** A store on the migrated database behind {@code dataSource}. */
  public PgAdvanceStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Grant grant(Advance advance) {
    try (Connection connection = dataSource.getConnection()) {
      return grantInRounds(connection, List.of(advance)).getFirst();
    } catch (SQLException e) {
      throw new AdvanceStoreFailure("cannot grant advance " + advance.id(), e);
    }
  }

  /**
   * One {@code INSERT} over arrays for the whole batch, and one query for the ids of those it
   * refused (when it refused any), whatever the batch size; the emergency-credit timers grant
   * thousands at once. Each advance is granted in its own right, so a batch is not atomic: what was
   * granted stays granted when a later statement fails. A batch naming one id twice takes another
   * such round for each repetition, to answer exactly as granting one by one would.
   *
   * @throws IllegalArgumentException when two advances name the same number
   */
  @Override
  public List<Grant> grantAll(List<Advance> advances) {
    Set<Msisdn> numbers = new HashSet<>();
    for (Advance advance : advances) {
      if (!numbers.add(advance.msisdn())) {
        throw new IllegalArgumentException("two advances for " + advance.msisdn());
      }
    }
    if (advances.isEmpty()) {
      return List.of();
    }
    try (Connection connection = dataSource.getConnection()) {
      return grantInRounds(connection, advances);
    } catch (SQLException e) {
      throw new AdvanceStoreFailure("cannot grant " + advances.size() + " advances", e);
    }
  }

  /**
   * Grants in rounds: each round tries the first advance still undecided of each id. A later one
   * with the same id is ID_TAKEN once an earlier one is stored or its id proved taken, and is tried
   * in the next round only when the earlier one was refused for its number.
   */
  private static List<Grant> grantInRounds(Connection connection, List<Advance> advances)
      throws SQLException {
    Grant[] results = new Grant[advances.size()];
    List<Integer> pending = new ArrayList<>(advances.size());
    for (int i = 0; i < advances.size(); i++) {
      pending.add(i);
    }
    while (!pending.isEmpty()) {
      Map<String, Integer> tried = new LinkedHashMap<>();
      List<Integer> repeated = new ArrayList<>();
      for (int i : pending) {
        if (tried.putIfAbsent(advances.get(i).id(), i) != null) {
          repeated.add(i);
        }
      }
      List<Advance> batch = new ArrayList<>(tried.size());
      for (int i : tried.values()) {
        batch.add(advances.get(i));
      }
      Map<String, Grant> answers = tryGrants(connection, batch);
      for (int i : tried.values()) {
        results[i] = answers.get(advances.get(i).id());
      }
      pending = new ArrayList<>();
      for (int i : repeated) {
        if (answers.get(advances.get(i).id()) == Grant.ANOTHER_OPEN) {
          pending.add(i);
        } else {
          results[i] = Grant.ID_TAKEN;
        }
      }
    }
    return List.of(results);
  }

  /** Inserts advances of distinct ids and numbers; answers by id. */
  private static Map<String, Grant> tryGrants(Connection connection, List<Advance> advances)
      throws SQLException {
    List<Advance> sorted = new ArrayList<>(advances);
    sorted.sort(BY_NUMBER);
    ColumnArrays columns = new ColumnArrays(connection.unwrap(PGConnection.class));
    Set<String> granted =
        IdempotentInsert.run(
            connection,
            INSERT + "RETURNING id",
            INSERT_IGNORING,
            insert -> insertReturningIds(insert, columns, sorted));
    List<Advance> refused = advances.stream().filter(a -> !granted.contains(a.id())).toList();
    Set<String> taken = taken(connection, columns, refused);
    Map<String, Grant> answers = new HashMap<>();
    for (Advance advance : advances) {
      String id = advance.id();
      answers.put(
          id,
          granted.contains(id)
              ? Grant.GRANTED
              : taken.contains(id) ? Grant.ID_TAKEN : Grant.ANOTHER_OPEN);
    }
    return answers;
  }

  /** Binds the advances to an insert, runs it and reads the ids it stored. */
  private static Set<String> insertReturningIds(
      PreparedStatement insert, ColumnArrays columns, List<Advance> sorted) throws SQLException {
    insert.setArray(1, columns.text(sorted, Advance::id));
    insert.setArray(2, columns.text(sorted, advance -> advance.msisdn().digits()));
    insert.setArray(3, columns.int8(sorted, Advance::amountFen));
    insert.setArray(4, columns.int8(sorted, Advance::coveredFen));
    insert.setArray(5, columns.int8(sorted, Advance::repaidFen));
    insert.setArray(6, columns.epochMicros(sorted, Advance::grantedAt));
    insert.setArray(7, columns.epochMicros(sorted, Advance::deadline));
    insert.setArray(8, columns.text(sorted, advance -> advance.state().name()));
    insert.setArray(9, columns.epochMicrosOrNull(sorted, Advance::closedAt));
    Set<String> stored = new HashSet<>();
    try (ResultSet rows = insert.executeQuery()) {
      while (rows.next()) {
        stored.add(rows.getString(1));
      }
    }
    return stored;
  }

  /**
   * Which of the refused advances' ids exist. A statement of its own, after the insert: it sees
   * what concurrent grants committed while the insert waited for them, which the insert's own
   * snapshot would not.
   */
  private static Set<String> taken(
      Connection connection, ColumnArrays columns, List<Advance> refused) throws SQLException {
    Set<String> taken = new HashSet<>();
    if (refused.isEmpty()) {
      return taken;
    }
    try (PreparedStatement select = connection.prepareStatement(TAKEN)) {
      select.setArray(1, columns.text(refused, Advance::id));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          taken.add(rows.getString(1));
        }
      }
    }
    return taken;
  }

  /**
   * {@inheritDoc}
   *
   * @throws AdvanceStoreFailure when the database fails, or {@code after} would open a second
   *     advance of its number (a bug in the caller: no step of an advance re-opens it)
   */
  @Override
  public boolean update(Advance before, Advance after) {
    if (!before.id().equals(after.id())) {
      return false;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(UPDATE)) {
      AdvanceRows.bind(update, 1, after);
      update.setString(AdvanceRows.WIDTH + 1, before.id());
      AdvanceRows.bind(update, AdvanceRows.WIDTH + 2, before);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new AdvanceStoreFailure("cannot update advance " + before.id(), e);
    }
  }

  @Override
  public Optional<Advance> find(String id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(ONE)) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(AdvanceRows.advance(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new AdvanceStoreFailure("cannot read advance " + id, e);
    }
  }

  /** One indexed row at most (the partial unique index {@code advance_one_open}). */
  @Override
  public Optional<Advance> open(Msisdn msisdn) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(OPEN)) {
      select.setString(1, msisdn.digits());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(AdvanceRows.advance(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new AdvanceStoreFailure("cannot read the open advance of " + msisdn, e);
    }
  }

  /** Oldest first: by grant time, then id. */
  @Override
  public List<Advance> of(Msisdn msisdn) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(OF_ONE)) {
      select.setString(1, msisdn.digits());
      List<Advance> advances = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          advances.add(AdvanceRows.advance(rows));
        }
      }
      return advances;
    } catch (SQLException e) {
      throw new AdvanceStoreFailure("cannot read the advances of " + msisdn, e);
    }
  }

  /** One query for the whole collection; an empty one does not touch the database. */
  @Override
  public Map<Msisdn, List<Advance>> ofAll(Collection<Msisdn> msisdns) {
    Map<Msisdn, List<Advance>> found = new HashMap<>();
    for (Msisdn msisdn : msisdns) {
      found.put(msisdn, new ArrayList<>());
    }
    if (msisdns.isEmpty()) {
      return found;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(OF_SOME)) {
      ColumnArrays columns = new ColumnArrays(connection.unwrap(PGConnection.class));
      select.setArray(1, columns.text(found.keySet(), Msisdn::digits));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          Advance advance = AdvanceRows.advance(rows);
          found.get(advance.msisdn()).add(advance);
        }
      }
      return found;
    } catch (SQLException e) {
      throw new AdvanceStoreFailure(
          "cannot read the advances of " + msisdns.size() + " numbers", e);
    }
  }

  /** Summed in the database, so the report does not read every advance. */
  @Override
  public AdvanceSummary summary() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(SUMMARY);
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return new AdvanceSummary(
          rows.getLong(1),
          rows.getLong(2),
          rows.getLong(3),
          rows.getLong(4),
          rows.getLong(5),
          rows.getLong(6));
    } catch (SQLException e) {
      throw new AdvanceStoreFailure("cannot sum up the advances", e);
    }
  }
}
