package org.telco.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** What every connection of the pool is set up with. */
class DatabaseTest {
  @Test
  void everyConnectionKeepsOnePlanPerPreparedStatement() throws SQLException {
    try (Database database = PostgresForTests.freshDatabase()) {
      for (int i = 0; i < 3; i++) {
        try (Connection connection = database.dataSource().getConnection();
            Statement statement = connection.createStatement();
            ResultSet mode = statement.executeQuery("SHOW plan_cache_mode")) {
          mode.next();
          assertThat(mode.getString(1)).isEqualTo("force_generic_plan");
        }
      }
    }
  }
}
