package org.telco.storage.network;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.telco.network.AppliedCommand;
import org.telco.network.HlrStore;
import org.telco.network.LineStatus;
import org.telco.network.NetworkCommand;
import org.telco.network.NetworkCommands;

/**
 * The durable {@link HlrStore}: line status in {@code network_line}, the append-only command log in
 * {@code network_command}, so the simulated network remembers barring and sessions across restarts.
 *
 * <p>It behaves like {@link org.telco.network.InMemoryHlrStore}: appending a logged command id
 * changes nothing and answers with the logged command, and a command and the line it leaves commit
 * in one transaction. Safe for concurrent use: each call takes its own pooled connection.
 */
public final class PgHlrStore implements HlrStore {
  private static final String COMMAND_COLUMNS =
      "command_id, msisdn, kind, reason, applied_at, barred_after, data_sessions_after";
  private static final String LINE =
      "SELECT barred, data_sessions_active, last_command_id FROM network_line WHERE msisdn = ?";
  private static final String ONE_COMMAND =
      "SELECT %s FROM network_command WHERE command_id = ?".formatted(COMMAND_COLUMNS);
  private static final String LOG =
      "SELECT %s FROM network_command WHERE msisdn = ? ORDER BY seq".formatted(COMMAND_COLUMNS);
  private static final String INSERT_COMMAND =
      """
      INSERT INTO network_command (%s) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (command_id) DO NOTHING
      """
          .formatted(COMMAND_COLUMNS);
  private static final String SAVE_LINE =
      """
      INSERT INTO network_line (msisdn, barred, data_sessions_active, last_command_id)
      VALUES (?, ?, ?, ?)
      ON CONFLICT (msisdn) DO UPDATE SET
        barred = excluded.barred,
        data_sessions_active = excluded.data_sessions_active,
        last_command_id = excluded.last_command_id
      """;

  private final DataSource dataSource;

  /** A store on the migrated database behind {@code dataSource}. */
  public PgHlrStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public LineStatus line(String msisdn) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(LINE)) {
      select.setString(1, msisdn);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return LineStatus.fresh(msisdn);
        }
        return new LineStatus(msisdn, rows.getBoolean(1), rows.getInt(2), rows.getString(3));
      }
    } catch (SQLException e) {
      throw new HlrStoreFailure("cannot read line " + msisdn, e);
    }
  }

  @Override
  public Optional<AppliedCommand> applied(String commandId) {
    try (Connection connection = dataSource.getConnection()) {
      return applied(connection, commandId);
    } catch (SQLException e) {
      throw new HlrStoreFailure("cannot read network command " + commandId, e);
    }
  }

  @Override
  public AppliedCommand append(AppliedCommand applied) {
    String commandId = applied.command().commandId();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        AppliedCommand logged = appendInTransaction(connection, applied);
        connection.commit();
        return logged;
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new HlrStoreFailure("cannot log network command " + commandId, e);
    }
  }

  @Override
  public void saveLine(LineStatus line) {
    try (Connection connection = dataSource.getConnection()) {
      saveLine(connection, line);
    } catch (SQLException e) {
      throw new HlrStoreFailure("cannot save line " + line.msisdn(), e);
    }
  }

  @Override
  public List<AppliedCommand> log(String msisdn) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(LOG)) {
      select.setString(1, msisdn);
      List<AppliedCommand> log = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          log.add(appliedCommand(rows));
        }
      }
      return log;
    } catch (SQLException e) {
      throw new HlrStoreFailure("cannot read the command log of " + msisdn, e);
    }
  }

  private static AppliedCommand appendInTransaction(Connection connection, AppliedCommand applied)
      throws SQLException {
    NetworkCommand command = applied.command();
    LineStatus after = applied.lineAfter();
    int inserted;
    try (PreparedStatement insert = connection.prepareStatement(INSERT_COMMAND)) {
      insert.setString(1, command.commandId());
      insert.setString(2, command.msisdn());
      insert.setString(3, NetworkCommands.kind(command));
      insert.setString(4, reason(command));
      insert.setObject(5, applied.appliedAt().atOffset(ZoneOffset.UTC));
      insert.setBoolean(6, after.barred());
      insert.setInt(7, after.dataSessionsActive());
      inserted = insert.executeUpdate();
    }
    if (inserted == 0) {
      return applied(connection, command.commandId()).orElseThrow();
    }
    saveLine(connection, after);
    return applied;
  }

  private static Optional<AppliedCommand> applied(Connection connection, String commandId)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(ONE_COMMAND)) {
      select.setString(1, commandId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(appliedCommand(rows)) : Optional.empty();
      }
    }
  }

  private static void saveLine(Connection connection, LineStatus line) throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement(SAVE_LINE)) {
      upsert.setString(1, line.msisdn());
      upsert.setBoolean(2, line.barred());
      upsert.setInt(3, line.dataSessionsActive());
      upsert.setString(4, line.lastCommandId());
      upsert.executeUpdate();
    }
  }

  /** A row of {@code COMMAND_COLUMNS}. */
  private static AppliedCommand appliedCommand(ResultSet row) throws SQLException {
    String commandId = row.getString(1);
    String msisdn = row.getString(2);
    NetworkCommand command =
        NetworkCommands.command(row.getString(3), commandId, msisdn, row.getString(4));
    return new AppliedCommand(
        command,
        row.getObject(5, OffsetDateTime.class).toInstant(),
        new LineStatus(msisdn, row.getBoolean(6), row.getInt(7), commandId));
  }

  private static String reason(NetworkCommand command) {
    return switch (command) {
      case NetworkCommand.Bar bar -> bar.reason();
      case NetworkCommand.Unbar unbar -> null;
      case NetworkCommand.TerminateDataSessions terminate -> null;
    };
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
