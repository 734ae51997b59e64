package org.telco.storage.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;
import org.telco.time.Timer;
import org.telco.time.TimerStore;
import org.telco.time.TimerStoreContract;

/** The timer store contract on PostgreSQL, plus scheduling inside another transaction. */
class PgTimerStoreTest extends TimerStoreContract {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private Database database;
  private PgTimerStore store;

  @Override
  protected TimerStore newStore() {
    database = PostgresForTests.freshDatabase();
    store = new PgTimerStore(database.dataSource());
    return store;
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void timersScheduledInATransactionShareItsFate() throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      PgTimerStore.schedule(connection, List.of(new Timer("t:lost", "t", "", T0)));
      connection.rollback();
      PgTimerStore.schedule(connection, List.of(new Timer("t:kept", "t", "", T0)));
      connection.commit();
    }

    assertThat(store.due(T0, 10)).extracting(Timer::id).containsExactly("t:kept");
  }

  @Test
  void aTakenIdInsideATransactionLeavesTheTransactionUsable() throws SQLException {
    store.schedule(new Timer("t:taken", "t", "first", T0));
    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      PgTimerStore.schedule(
          connection,
          List.of(new Timer("t:taken", "t", "again", T0), new Timer("t:new", "t", "", T0)));
      PgTimerStore.schedule(connection, List.of(new Timer("t:after", "t", "", T0)));
      connection.commit();
    }

    assertThat(store.due(T0, 10))
        .extracting(Timer::id, Timer::payload)
        .containsExactlyInAnyOrder(
            tuple("t:taken", "first"), tuple("t:new", ""), tuple("t:after", ""));
  }
}
