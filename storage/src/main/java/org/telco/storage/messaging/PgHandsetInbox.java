package org.telco.storage.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.telco.messaging.HandsetInbox;
import org.telco.messaging.SmsMessage;

/**
 * The durable {@link HandsetInbox}: messages are rows of table {@code handset_message}, so a demo's
 * handsets keep their SMS across restarts.
 *
 * <p>It behaves like {@link org.telco.messaging.InMemoryHandsetInbox}: delivering an id that exists
 * changes nothing, and messages of one instant come latest delivered first ({@code seq}).
 */
public final class PgHandsetInbox implements HandsetInbox {
  private static final String INSERT =
      """
      INSERT INTO handset_message (id, sender, recipient, body, sent_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (id) DO NOTHING
      """;
  private static final String NEWEST_FIRST =
      """
      SELECT id, sender, recipient, body, sent_at FROM handset_message
      WHERE recipient = ?
      ORDER BY sent_at DESC, seq DESC
      LIMIT ?
      """;

  private final DataSource dataSource;

  /** An inbox on the migrated database behind {@code dataSource}. */
  public PgHandsetInbox(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void deliver(SmsMessage message) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setString(1, message.id());
      insert.setString(2, message.from());
      insert.setString(3, message.to());
      insert.setString(4, message.text());
      insert.setObject(5, message.at().atOffset(ZoneOffset.UTC));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new HandsetInboxFailure("cannot deliver SMS " + message.id(), e);
    }
  }

  @Override
  public List<SmsMessage> messagesFor(String msisdn, int limit) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(NEWEST_FIRST)) {
      select.setString(1, msisdn);
      select.setInt(2, limit);
      List<SmsMessage> messages = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          messages.add(
              new SmsMessage(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getObject(5, OffsetDateTime.class).toInstant()));
        }
      }
      return messages;
    } catch (SQLException e) {
      throw new HandsetInboxFailure("cannot read the inbox of " + msisdn, e);
    }
  }
}
