package org.telco.storage.sms;

import static org.telco.storage.sms.SmsRows.COLUMNS;
import static org.telco.storage.sms.SmsRows.COLUMN_COUNT;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.telco.sms.EsmeDelivery;
import org.telco.sms.MessageRecord;
import org.telco.sms.MessageState;
import org.telco.sms.Route;
import org.telco.sms.Settlement;
import org.telco.sms.ShortMessage;
import org.telco.sms.SmsStore;
import org.telco.storage.ColumnArrays;
import org.telco.storage.EpochMicros;
import org.telco.subscriber.OperatorId;

/**
 * The durable {@link SmsStore}: messages are rows of table {@code sms_message}, and a step that
 * delivers a message into a handset inbox also writes its row of {@code handset_message}, which
 * {@link org.telco.storage.messaging.PgHandsetInbox} reads.
 *
 * <p>It behaves like {@link org.telco.sms.InMemorySmsStore}: accepting an id that exists changes
 * nothing, a final message keeps its state and goes into an inbox at most once, and batches come
 * out in acceptance order ({@code seq}), what is owed to an ESME in the order it became owed
 * ({@code owed_seq}). The centre stores every message before acknowledging it, at thousands per
 * second, so each write is one statement over arrays whatever the batch size: {@link #accept} and
 * {@link #acceptRouted} one {@code INSERT} (the latter with the inbox rows), {@link #settle} one
 * statement that updates the messages and fills the inboxes (so both commit together), {@link
 * #handedOver} one {@code UPDATE}. Writes that change existing rows lock them in id order first, so
 * two concurrent batches cannot deadlock. Safe for concurrent use: each call takes its own pooled
 * connection.
 */
public final class PgSmsStore implements SmsStore {
  private static final String TIMESTAMP = "timestamptz 'epoch' + %s * interval '1 microsecond'";
  private static final String ACCEPT =
      """
      INSERT INTO sms_message (id, origin, sender, recipient, body, receipt_requested,
                               accepted_at, state, updated_at)
      SELECT u.id, u.origin, u.sender, u.recipient, u.body, u.receipt, %1$s, 'ACCEPTED', %1$s
      FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::bigint[])
           WITH ORDINALITY AS u(id, origin, sender, recipient, body, receipt, accepted_us, ord)
      ORDER BY u.ord
      ON CONFLICT (id) DO NOTHING
      """
          .formatted(TIMESTAMP.formatted("u.accepted_us"));
  // One statement: the steps (numbered for what they owe, in list order), the rows still not
  // final locked in id order, their update, and the inbox rows of those updated with toInbox.
  private static final String SETTLE =
      """
      WITH u AS MATERIALIZED (
        SELECT u.*, CASE WHEN u.owed_to IS NOT NULL THEN nextval('sms_owed_serial') END AS owed_seq
        FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::boolean[], ?::text[], ?::text[])
             WITH ORDINALITY AS u(id, state, route, at_us, to_inbox, owed_to, owed_kind, ord)
        ORDER BY u.ord
      ), locked AS (
        SELECT m.id FROM sms_message m
        WHERE m.id IN (SELECT id FROM u) AND m.state NOT IN ('DELIVERED', 'UNDELIVERABLE')
        ORDER BY m.id
        FOR UPDATE
      ), settled AS (
        UPDATE sms_message m SET
          state = u.state,
          route = u.route,
          updated_at = %s,
          owed_to = u.owed_to,
          owed_kind = u.owed_kind,
          owed_seq = u.owed_seq
        FROM u JOIN locked l ON l.id = u.id
        WHERE m.id = u.id AND m.state NOT IN ('DELIVERED', 'UNDELIVERABLE')
        RETURNING m.id, m.sender, m.recipient, m.body, m.updated_at, u.to_inbox, u.ord
      )
      INSERT INTO handset_message (id, sender, recipient, body, sent_at)
      SELECT id, sender, recipient, body, updated_at FROM settled
      WHERE to_inbox
      ORDER BY ord
      ON CONFLICT (id) DO NOTHING
      """
          .formatted(TIMESTAMP.formatted("u.at_us"));
  // A message to a short code that was owed to its receiver is delivered by being handed over.
  private static final String HANDED_OVER =
      """
      WITH u AS MATERIALIZED (
        SELECT DISTINCT u.id, u.kind FROM unnest(?::text[], ?::text[]) AS u(id, kind)
      ), locked AS (
        SELECT m.id FROM sms_message m JOIN u ON u.id = m.id AND u.kind = m.owed_kind
        ORDER BY m.id
        FOR UPDATE OF m
      )
      UPDATE sms_message m SET
        state = CASE WHEN %1$s THEN 'DELIVERED' ELSE m.state END,
        updated_at = CASE WHEN %1$s THEN %2$s ELSE m.updated_at END,
        owed_to = NULL,
        owed_kind = NULL,
        owed_seq = NULL
      FROM u JOIN locked l ON l.id = u.id
      WHERE m.id = u.id AND m.owed_kind = u.kind
      """
          .formatted(
              "m.owed_kind = 'MOBILE_ORIGINATED' AND m.state = 'AWAITING_RECEIVER'",
              TIMESTAMP.formatted("?::bigint"));
  private static final String TO_ROUTE =
      "SELECT %s FROM sms_message WHERE state = 'ACCEPTED' ORDER BY seq LIMIT ?".formatted(COLUMNS);
  private static final String AWAITING_PEER =
      """
      SELECT %s FROM sms_message WHERE state = 'AWAITING_PEER' AND route = ?
        AND (hashtext(id) & 2147483647) %% ? = ?
      ORDER BY seq LIMIT ?
      """
          .formatted(COLUMNS);
  private static final String OWED_TO =
      "SELECT %s, owed_kind FROM sms_message WHERE owed_to = ? ORDER BY owed_seq LIMIT ?"
          .formatted(COLUMNS);
  private static final String STATES =
      "SELECT id, state FROM sms_message WHERE id = ANY (?::text[])";
  private static final String FIND = "SELECT %s FROM sms_message WHERE id = ?".formatted(COLUMNS);
  // Each side through its own index; a message to oneself comes once (from the sender side).
  private static final String MESSAGES_OF =
      """
      SELECT %1$s FROM (
        (SELECT %1$s, seq FROM sms_message WHERE sender = ? ORDER BY seq DESC LIMIT ?)
        UNION ALL
        (SELECT %1$s, seq FROM sms_message WHERE recipient = ? AND sender <> ?
         ORDER BY seq DESC LIMIT ?)
      ) m
      ORDER BY seq DESC
      LIMIT ?
      """
          .formatted(COLUMNS);

  private final DataSource dataSource;

  /** A store on the migrated database behind {@code dataSource}. */
  public PgSmsStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** One statement for the whole list; the first of two messages with one id wins. */
  @Override
  public void accept(List<ShortMessage> messages) {
    if (messages.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(ACCEPT)) {
      PGConnection pg = connection.unwrap(PGConnection.class);
      ColumnArrays columns = new ColumnArrays(pg);
      boolean[] receipts = new boolean[messages.size()];
      for (int i = 0; i < receipts.length; i++) {
        receipts[i] = messages.get(i).receiptRequested();
      }
      insert.setArray(1, columns.text(messages, ShortMessage::id));
      insert.setArray(2, columns.text(messages, m -> m.origin().encoded()));
      insert.setArray(3, columns.text(messages, ShortMessage::from));
      insert.setArray(4, columns.text(messages, ShortMessage::to));
      insert.setArray(5, columns.text(messages, ShortMessage::text));
      insert.setArray(6, pg.createArrayOf("bool", receipts));
      insert.setArray(7, columns.epochMicros(messages, ShortMessage::acceptedAt));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new Failure("cannot accept " + messages.size() + " messages", e);
    }
  }

  /**
   * One statement for the whole list (see {@code RoutedArrivals}), so a message's row, its inbox
   * row and what it owes commit together.
   */
  @Override
  public void acceptRouted(List<Settlement> arrivals) {
    if (arrivals.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      RoutedArrivals.insert(connection, arrivals);
    } catch (SQLException e) {
      throw new Failure("cannot accept " + arrivals.size() + " routed messages", e);
    }
  }

  @Override
  public List<ShortMessage> toRoute(int limit) {
    List<ShortMessage> messages = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(TO_ROUTE)) {
      select.setInt(1, limit);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          messages.add(SmsRows.message(rows));
        }
      }
      return messages;
    } catch (SQLException e) {
      throw new Failure("cannot read messages to route", e);
    }
  }

  @Override
  public List<ShortMessage> awaitingPeer(OperatorId peer, int lane, int lanes, int limit) {
    List<ShortMessage> messages = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(AWAITING_PEER)) {
      select.setString(1, new Route.ToPeer(peer).describe());
      select.setInt(2, lanes);
      select.setInt(3, lane);
      select.setInt(4, limit);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          messages.add(SmsRows.message(rows));
        }
      }
      return messages;
    } catch (SQLException e) {
      throw new Failure("cannot read messages awaiting peer " + peer, e);
    }
  }

  /**
   * One statement for the whole list, so a message's step and its inbox row commit together.
   * Several steps of one message apply in list order until one makes it final (see {@code
   * SmsRows.standing}).
   */
  @Override
  public void settle(List<Settlement> settlements) {
    if (settlements.isEmpty()) {
      return;
    }
    List<Settlement> steps = SmsRows.standing(settlements);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(SETTLE)) {
      PGConnection pg = connection.unwrap(PGConnection.class);
      ColumnArrays columns = new ColumnArrays(pg);
      boolean[] toInbox = new boolean[steps.size()];
      for (int i = 0; i < toInbox.length; i++) {
        toInbox[i] = steps.get(i).toInbox();
      }
      update.setArray(1, columns.text(steps, s -> s.message().id()));
      update.setArray(2, columns.text(steps, s -> s.state().name()));
      update.setArray(3, columns.text(steps, Settlement::route));
      update.setArray(4, columns.epochMicros(steps, Settlement::at));
      update.setArray(5, pg.createArrayOf("bool", toInbox));
      update.setArray(6, columns.text(steps, s -> s.esmeSystemId().orElse(null)));
      update.setArray(7, columns.text(steps, s -> s.esmeKind().map(Enum::name).orElse(null)));
      update.executeUpdate();
    } catch (SQLException e) {
      throw new Failure("cannot settle " + settlements.size() + " steps", e);
    }
  }

  @Override
  public List<EsmeDelivery> owedTo(String systemId, int limit) {
    List<EsmeDelivery> owed = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(OWED_TO)) {
      select.setString(1, systemId);
      select.setInt(2, limit);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          owed.add(
              new EsmeDelivery(
                  SmsRows.record(rows),
                  EsmeDelivery.Kind.valueOf(rows.getString(COLUMN_COUNT + 1))));
        }
      }
      return owed;
    } catch (SQLException e) {
      throw new Failure("cannot read what is owed to ESME " + systemId, e);
    }
  }

  /** One statement for the whole list; a delivery of a kind no longer owed changes nothing. */
  @Override
  public void handedOver(List<EsmeDelivery> deliveries, Instant at) {
    if (deliveries.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(HANDED_OVER)) {
      ColumnArrays columns = new ColumnArrays(connection.unwrap(PGConnection.class));
      update.setArray(1, columns.text(deliveries, d -> d.record().message().id()));
      update.setArray(2, columns.text(deliveries, d -> d.kind().name()));
      update.setLong(3, EpochMicros.of(at));
      update.executeUpdate();
    } catch (SQLException e) {
      throw new Failure("cannot record " + deliveries.size() + " deliveries to ESMEs", e);
    }
  }

  @Override
  public Optional<MessageRecord> find(String id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(FIND)) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(SmsRows.record(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new Failure("cannot read message " + id, e);
    }
  }

  /** One query for the whole collection. */
  @Override
  public Map<String, MessageState> states(Collection<String> ids) {
    Map<String, MessageState> states = new HashMap<>();
    if (ids.isEmpty()) {
      return states;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(STATES)) {
      select.setArray(1, connection.createArrayOf("text", ids.toArray()));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          states.put(rows.getString(1), MessageState.valueOf(rows.getString(2)));
        }
      }
      return states;
    } catch (SQLException e) {
      throw new Failure("cannot read the states of " + ids.size() + " messages", e);
    }
  }

  @Override
  public List<MessageRecord> messagesOf(String address, int limit) {
    List<MessageRecord> records = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(MESSAGES_OF)) {
      select.setString(1, address);
      select.setInt(2, limit);
      select.setString(3, address);
      select.setString(4, address);
      select.setInt(5, limit);
      select.setInt(6, limit);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          records.add(SmsRows.record(rows));
        }
      }
      return records;
    } catch (SQLException e) {
      throw new Failure("cannot read the messages of " + address, e);
    }
  }

  /**
   * The message tables could not be read or written; nothing of the failed call was written.
   * Unchecked, because {@link SmsStore} declares no exceptions: the centre refuses the submission
   * or its dispatcher retries the batch, and every write is idempotent by message id.
   */
  public static final class Failure extends RuntimeException {
    /** Wraps the database failure. */
    public Failure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
