package org.telco.storage.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.charging.SessionStore;
import org.telco.charging.SessionStoreContract;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;

/**
 * The session store contract on PostgreSQL, where the database, not a monitor, decides the races.
 */
class PgSessionStoreTest extends SessionStoreContract {
  private Database database;

  @Override
  protected SessionStore newStore() {
    database = PostgresForTests.freshDatabase();
    return new PgSessionStore(database.dataSource());
  }

  /**
   * V025 moves the row's rules into the types (a CHECK costs PostgreSQL a rebuild of its expression
   * on every save); its drops name each constraint, so a name that missed would leave its check in
   * place without a word.
   */
  @Test
  void sessionRowsCarryNoCheckConstraints() throws SQLException {
    List<String> checks = new ArrayList<>();
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT conname FROM pg_constraint"
                    + " WHERE conrelid = 'charging_session'::regclass AND contype = 'c'")) {
      while (rows.next()) {
        checks.add(rows.getString(1));
      }
    }
    assertThat(checks).isEmpty();
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }
}
