package org.telco.storage.outbox;

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
import org.telco.outbox.Outbox;
import org.telco.outbox.OutboxMessage;
import org.telco.storage.ColumnArrays;
import org.telco.storage.IdempotentInsert;

/**
 * The durable {@link Outbox}: messages are rows of table {@code outbox}.
 *
 * <p>It behaves like {@link org.telco.outbox.InMemoryOutbox}: enqueuing an id that exists changes
 * nothing, a delivered message keeps its row (with {@code delivered_at}) so it never comes back,
 * and messages of one topic come out in enqueue order ({@code seq}). Other stores write their
 * messages in their own transaction with {@link #enqueue(Connection, Collection)}, so a state
 * change and its messages commit together.
 */
public final class PgOutbox implements Outbox {
  private static final String INSERT =
      """
      INSERT INTO outbox (id, topic, payload, created_at, attempts, next_attempt_at)
      SELECT u.id, u.topic, u.payload,
             timestamptz 'epoch' + u.created_us * interval '1 microsecond',
             u.attempts,
             timestamptz 'epoch' + u.next_us * interval '1 microsecond'
      FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::int[], ?::bigint[])
           WITH ORDINALITY AS u(id, topic, payload, created_us, attempts, next_us, ord)
      ORDER BY u.ord
      """;
  // A topic is held back from its first undelivered message that is still waiting.
  private static final String DUE =
      """
      WITH waiting AS (
        SELECT topic, min(seq) AS seq FROM outbox
        WHERE delivered_at IS NULL AND next_attempt_at > ?
        GROUP BY topic)
      SELECT o.id, o.topic, o.payload, o.created_at, o.attempts, o.next_attempt_at
      FROM outbox o LEFT JOIN waiting w ON w.topic = o.topic
      WHERE o.delivered_at IS NULL AND o.next_attempt_at <= ? AND (w.seq IS NULL OR o.seq < w.seq)
      ORDER BY o.seq
      LIMIT ?
      """;
  private static final String DELIVERED =
      "UPDATE outbox SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL";
  private static final String RETRY_LATER =
      """
      UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
      WHERE id = ? AND delivered_at IS NULL
      """;
  private static final String PENDING_COUNT =
      "SELECT count(*) FROM outbox WHERE delivered_at IS NULL";

  private final DataSource dataSource;

  /** An outbox on the migrated database behind {@code dataSource}. */
  public PgOutbox(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Enqueues messages on {@code connection}, inside whatever transaction it has open, in the
   * collection's order; ids that exist already, delivered or not, are left as they are. One
   * statement for all messages, or two when an id is taken ({@link IdempotentInsert}).
   */
  public static void enqueue(Connection connection, Collection<OutboxMessage> messages)
      throws SQLException {
    if (messages.isEmpty()) {
      return;
    }
    ColumnArrays columns = new ColumnArrays(connection.unwrap(PGConnection.class));
    IdempotentInsert.run(
        connection,
        INSERT,
        insert -> {
          insert.setArray(1, columns.text(messages, OutboxMessage::id));
          insert.setArray(2, columns.text(messages, OutboxMessage::topic));
          insert.setArray(3, columns.text(messages, OutboxMessage::payload));
          insert.setArray(4, columns.epochMicros(messages, OutboxMessage::createdAt));
          insert.setArray(5, columns.int4(messages, OutboxMessage::attempts));
          insert.setArray(6, columns.epochMicros(messages, OutboxMessage::nextAttemptAt));
        });
  }

  @Override
  public void enqueue(OutboxMessage message) {
    try (Connection connection = dataSource.getConnection()) {
      enqueue(connection, List.of(message));
    } catch (SQLException e) {
      throw new OutboxFailure("cannot enqueue outbox message " + message.id(), e);
    }
  }

  /** One statement for the whole list. */
  @Override
  public void enqueueAll(List<OutboxMessage> messages) {
    try (Connection connection = dataSource.getConnection()) {
      enqueue(connection, messages);
    } catch (SQLException e) {
      throw new OutboxFailure("cannot enqueue " + messages.size() + " outbox messages", e);
    }
  }

  @Override
  public List<OutboxMessage> due(Instant now, int limit) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(DUE)) {
      select.setObject(1, utc(now));
      select.setObject(2, utc(now));
      select.setInt(3, limit);
      List<OutboxMessage> due = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          due.add(
              new OutboxMessage(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getObject(4, OffsetDateTime.class).toInstant(),
                  rows.getInt(5),
                  rows.getObject(6, OffsetDateTime.class).toInstant()));
        }
      }
      return due;
    } catch (SQLException e) {
      throw new OutboxFailure("cannot read due outbox messages", e);
    }
  }

  @Override
  public void delivered(String id, Instant at) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(DELIVERED)) {
      update.setObject(1, utc(at));
      update.setString(2, id);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new OutboxFailure("cannot record delivery of outbox message " + id, e);
    }
  }

  @Override
  public void retryLater(String id, Instant nextAttemptAt, String error) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(RETRY_LATER)) {
      update.setObject(1, utc(nextAttemptAt));
      update.setString(2, error);
      update.setString(3, id);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new OutboxFailure("cannot postpone outbox message " + id, e);
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
      throw new OutboxFailure("cannot count pending outbox messages", e);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
