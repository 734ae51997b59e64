package org.telco.storage.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.outbox.Outbox;
import org.telco.outbox.OutboxContract;
import org.telco.outbox.OutboxMessage;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;

/** The outbox contract on PostgreSQL, plus enqueuing inside another transaction. */
class PgOutboxTest extends OutboxContract {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private Database database;
  private PgOutbox outbox;

  @Override
  protected Outbox newOutbox() {
    database = PostgresForTests.freshDatabase();
    outbox = new PgOutbox(database.dataSource());
    return outbox;
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void messagesEnqueuedInATransactionShareItsFate() throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      PgOutbox.enqueue(connection, List.of(OutboxMessage.of("sms:lost", "sms", "", T0)));
      connection.rollback();
      PgOutbox.enqueue(connection, List.of(OutboxMessage.of("sms:kept", "sms", "", T0)));
      connection.commit();
    }

    assertThat(outbox.due(T0, 10)).extracting(OutboxMessage::id).containsExactly("sms:kept");
  }

  @Test
  void batchKeepsItsOrderAndItsFirstCopyOfARepeatedId() throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      PgOutbox.enqueue(
          connection,
          List.of(
              OutboxMessage.of("n:3", "n", "first", T0.plusSeconds(3)),
              OutboxMessage.of("n:1", "n", "", T0.plusSeconds(1)),
              OutboxMessage.of("n:3", "n", "second", T0),
              OutboxMessage.of("n:2", "n", "", T0.plusSeconds(2))));
    }

    assertThat(outbox.due(T0.plusSeconds(10), 10))
        .extracting(OutboxMessage::id, OutboxMessage::payload)
        .containsExactly(tuple("n:3", "first"), tuple("n:1", ""), tuple("n:2", ""));
  }
}
