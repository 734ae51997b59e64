package org.telco.storage.traffic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * How the traffic stores talk to the database: work in one transaction that commits or rolls back
 * whole, and queries that map their rows. Any {@link SQLException} becomes a {@link
 * TrafficStoreFailure} naming what could not be done.
 *
 * @param dataSource where connections come from
 */
record Transactions(DataSource dataSource) {
  /** Work on a connection in a transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Binds a statement's parameters. */
  @FunctionalInterface
  interface Parameters {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** Maps the current row. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
  <T> T inTransaction(String what, Work<T> work) {
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
      throw new TrafficStoreFailure("cannot " + what, e);
    }
  }

  /** Runs {@code work} on a connection in auto-commit mode. */
  <T> T autoCommit(String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new TrafficStoreFailure("cannot " + what, e);
    }
  }

  /** The rows {@code sql} answers, mapped. */
  <T> List<T> list(String what, String sql, Parameters parameters, Row<T> row) {
    return autoCommit(what, connection -> list(connection, sql, parameters, row));
  }

  /** The first row {@code sql} answers, mapped. */
  <T> Optional<T> one(String what, String sql, Parameters parameters, Row<T> row) {
    return list(what, sql, parameters, row).stream().findFirst();
  }

  /** Runs an update and answers how many rows it changed. */
  int update(String what, String sql, Parameters parameters) {
    return autoCommit(what, connection -> update(connection, sql, parameters));
  }

  /** The rows {@code sql} answers on {@code connection}, mapped. */
  static <T> List<T> list(Connection connection, String sql, Parameters parameters, Row<T> row)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      parameters.bind(select);
      List<T> found = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(row.read(rows));
        }
      }
      return found;
    }
  }

  /** Runs an update on {@code connection} and answers how many rows it changed. */
  static int update(Connection connection, String sql, Parameters parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      parameters.bind(statement);
      return statement.executeUpdate();
    }
  }
}
