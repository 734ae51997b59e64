package org.telco.storage.porting;

import static org.telco.storage.porting.PortingRows.DEPOSIT_COLUMNS;
import static org.telco.storage.porting.PortingRows.REQUEST_COLUMNS;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.telco.porting.Deposit;
import org.telco.porting.PortRequest;
import org.telco.porting.PortState;
import org.telco.porting.PortStep;
import org.telco.porting.PortingStore;
import org.telco.porting.StoredDeposit;
import org.telco.storage.Timestamps;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;

/**
 * The durable {@link PortingStore} of the clearinghouse (V018). It behaves like {@link
 * org.telco.porting.InMemoryPortingStore}, with the database deciding the races: a deposit is used
 * by an {@code UPDATE ... WHERE NOT used} on its nonce, a second open request for a number is
 * refused by the partial unique index {@code port_request_one_open}, and a step is a
 * compare-and-set on the request's state and step count followed by its new history rows, in one
 * transaction. The history only grows, so a request with the same state and as many steps as the
 * one read is the one read.
 */
public final class PgPortingStore implements PortingStore {
  private static final String DEPOSIT =
      """
      INSERT INTO porting_deposit (msisdn, donor, nonce, proof, deposited_at, expires_at, used)
      VALUES (?, ?, ?, ?, ?, ?, false)
      ON CONFLICT (msisdn) DO UPDATE SET donor = excluded.donor, nonce = excluded.nonce,
        proof = excluded.proof, deposited_at = excluded.deposited_at,
        expires_at = excluded.expires_at, used = false
      """;
  private static final String READ_DEPOSIT =
      "SELECT %s FROM porting_deposit WHERE msisdn = ?".formatted(DEPOSIT_COLUMNS);
  private static final String USE =
      """
      UPDATE porting_deposit SET used = true
      WHERE msisdn = ? AND donor = ? AND nonce = ? AND proof = ? AND NOT used
      """;
  private static final String FAILURE = "INSERT INTO porting_failure (msisdn, at) VALUES (?, ?)";
  private static final String FAILURES =
      "SELECT count(*) FROM porting_failure WHERE msisdn = ? AND at >= ?";
  private static final String CREATE =
      """
      INSERT INTO port_request (id, msisdn, donor, recipient, state, steps, requested_at)
      VALUES (?, ?, ?, ?, 'REQUESTED', 1, ?)
      ON CONFLICT DO NOTHING
      """;
  private static final String ID_EXISTS = "SELECT 1 FROM port_request WHERE id = ?";
  private static final String STEP =
      "INSERT INTO port_step (request_id, seq, state, at, rejection) VALUES (?, ?, ?, ?, ?)";
  private static final String REPLACE =
      """
      UPDATE port_request SET state = ?, steps = ?, arrears_fen = ?, advances_fen = ?,
        lock_in_until = ?, early_termination_fen = ?, balance_fen = ?, tenure_days = ?
      WHERE id = ? AND state = ? AND steps = ?
      """;
  private static final String REQUEST =
      "SELECT %s FROM port_request WHERE id = ?".formatted(REQUEST_COLUMNS);
  private static final String OPEN =
      """
      SELECT %s FROM port_request
      WHERE msisdn = ? AND state NOT IN ('COMPLETED', 'REJECTED', 'EXPIRED')
      """
          .formatted(REQUEST_COLUMNS);
  private static final String IN_STATE =
      "SELECT %s FROM port_request WHERE state = ? ORDER BY requested_at, id LIMIT ?"
          .formatted(REQUEST_COLUMNS);
  private static final String INVOLVING =
      """
      SELECT %s FROM port_request WHERE donor = ? OR recipient = ?
      ORDER BY requested_at DESC, id DESC LIMIT ?
      """
          .formatted(REQUEST_COLUMNS);
  private static final String OF_NUMBER =
      """
      SELECT %s FROM port_request WHERE msisdn = ? AND (donor = ? OR recipient = ?)
      ORDER BY requested_at DESC, id DESC LIMIT ?
      """
          .formatted(REQUEST_COLUMNS);
  private static final String HISTORY =
      "SELECT state, at, rejection FROM port_step WHERE request_id = ? ORDER BY seq";

  private final DataSource dataSource;

  /** A store over the clearinghouse's database, migrated to V018 or later. */
  public PgPortingStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void deposit(Deposit deposit) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(DEPOSIT)) {
      insert.setString(1, deposit.msisdn().digits());
      insert.setString(2, deposit.donor().value());
      insert.setBytes(3, deposit.nonce().bytes());
      insert.setBytes(4, deposit.proof().bytes());
      Timestamps.set(insert, 5, deposit.depositedAt());
      Timestamps.set(insert, 6, deposit.expiresAt());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new PortingStoreFailure("cannot keep the deposit for " + deposit.msisdn(), e);
    }
  }

  @Override
  public Optional<StoredDeposit> deposit(Msisdn msisdn) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(READ_DEPOSIT)) {
      select.setString(1, msisdn.digits());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(PortingRows.deposit(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new PortingStoreFailure("cannot read the deposit for " + msisdn, e);
    }
  }

  @Override
  public boolean use(Deposit deposit) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(USE)) {
      update.setString(1, deposit.msisdn().digits());
      update.setString(2, deposit.donor().value());
      update.setBytes(3, deposit.nonce().bytes());
      update.setBytes(4, deposit.proof().bytes());
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new PortingStoreFailure("cannot use the deposit for " + deposit.msisdn(), e);
    }
  }

  @Override
  public void recordFailure(Msisdn msisdn, Instant at) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(FAILURE)) {
      insert.setString(1, msisdn.digits());
      Timestamps.set(insert, 2, at);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new PortingStoreFailure("cannot record a wrong result for " + msisdn, e);
    }
  }

  @Override
  public int failuresSince(Msisdn msisdn, Instant since) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(FAILURES)) {
      select.setString(1, msisdn.digits());
      Timestamps.set(select, 2, since);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    } catch (SQLException e) {
      throw new PortingStoreFailure("cannot count the wrong results for " + msisdn, e);
    }
  }

  @Override
  public Creation create(PortRequest request) {
    if (request.state() != PortState.REQUESTED || request.history().size() != 1) {
      throw new IllegalArgumentException("a request is stored REQUESTED: " + request.id());
    }
    return inTransaction(
        "create " + request.id(),
        connection -> {
          try (PreparedStatement insert = connection.prepareStatement(CREATE)) {
            insert.setString(1, request.id());
            insert.setString(2, request.msisdn().digits());
            insert.setString(3, request.donor().value());
            insert.setString(4, request.recipient().value());
            Timestamps.set(insert, 5, request.history().getFirst().at());
            if (insert.executeUpdate() == 0) {
              return idTaken(connection, request.id()) ? Creation.ID_TAKEN : Creation.NUMBER_BUSY;
            }
          }
          insertSteps(connection, request, 0);
          return Creation.CREATED;
        });
  }

  private static boolean idTaken(Connection connection, String id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(ID_EXISTS)) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }

  @Override
  public boolean replace(PortRequest before, PortRequest after) {
    if (!before.isFollowedBy(after)) {
      throw new IllegalArgumentException("not a next step of " + before.id());
    }
    return inTransaction(
        "step " + before.id(),
        connection -> {
          try (PreparedStatement update = connection.prepareStatement(REPLACE)) {
            update.setString(1, after.state().name());
            update.setInt(2, after.history().size());
            PortingRows.bindCredit(update, 3, after.credit());
            update.setString(9, before.id());
            update.setString(10, before.state().name());
            update.setInt(11, before.history().size());
            if (update.executeUpdate() == 0) {
              return false;
            }
          }
          insertSteps(connection, after, before.history().size());
          return true;
        });
  }

  private static void insertSteps(Connection connection, PortRequest request, int from)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(STEP)) {
      for (int seq = from; seq < request.history().size(); seq++) {
        PortStep step = request.history().get(seq);
        insert.setString(1, request.id());
        insert.setInt(2, seq);
        insert.setString(3, step.state().name());
        Timestamps.set(insert, 4, step.at());
        insert.setString(5, step.rejection() == null ? null : step.rejection().name());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  @Override
  public Optional<PortRequest> request(String id) {
    return read("read " + id, REQUEST, statement -> statement.setString(1, id)).stream()
        .findFirst();
  }

  @Override
  public Optional<PortRequest> openRequest(Msisdn msisdn) {
    return read("read the open request of " + msisdn, OPEN, s -> s.setString(1, msisdn.digits()))
        .stream()
        .findFirst();
  }

  @Override
  public List<PortRequest> inState(PortState state, int limit) {
    return read(
        "list " + state,
        IN_STATE,
        statement -> {
          statement.setString(1, state.name());
          statement.setInt(2, limit);
        });
  }

  @Override
  public List<PortRequest> involving(OperatorId operator, int limit) {
    return read(
        "list the requests of " + operator,
        INVOLVING,
        statement -> {
          statement.setString(1, operator.value());
          statement.setString(2, operator.value());
          statement.setInt(3, limit);
        });
  }

  @Override
  public List<PortRequest> ofNumber(Msisdn msisdn, OperatorId operator, int limit) {
    return read(
        "list the requests of " + msisdn + " involving " + operator,
        OF_NUMBER,
        statement -> {
          statement.setString(1, msisdn.digits());
          statement.setString(2, operator.value());
          statement.setString(3, operator.value());
          statement.setInt(4, limit);
        });
  }

  private List<PortRequest> read(String what, String sql, Parameters parameters) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        List<PortRequest> requests = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
          parameters.bind(select);
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              requests.add(PortingRows.request(rows, history(connection, rows.getString(1))));
            }
          }
        }
        return requests;
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new PortingStoreFailure("cannot " + what, e);
    }
  }

  private static List<PortStep> history(Connection connection, String id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(HISTORY)) {
      select.setString(1, id);
      List<PortStep> steps = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          steps.add(PortingRows.step(rows));
        }
      }
      return steps;
    }
  }

  private <T> T inTransaction(String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new PortingStoreFailure("cannot " + what, e);
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  @FunctionalInterface
  private interface Parameters {
    void bind(PreparedStatement statement) throws SQLException;
  }
}
