package org.telco.storage.sms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.telco.sms.MessageRecord;
import org.telco.sms.MessageState;
import org.telco.sms.Origin;
import org.telco.sms.Settlement;
import org.telco.sms.ShortMessage;
import org.telco.storage.Timestamps;

/**
 * How messages map to rows of {@code sms_message}: the origin as {@link Origin#encoded()}, enums by
 * name, instants as {@code timestamptz} (bound as epoch microseconds, so a stored instant reads
 * back exactly when it had no finer digits). Also folds a batch of steps into one step per message,
 * so that a single {@code UPDATE} over arrays gives what applying them one by one would.
 */
final class SmsRows {
  /** The columns {@link #record} reads, in order. */
  static final String COLUMNS =
      "id, origin, sender, recipient, body, receipt_requested, accepted_at, state, route,"
          + " updated_at";

  /** How many columns {@link #COLUMNS} has; the next column of a query is this plus one. */
  static final int COLUMN_COUNT = 10;

  private SmsRows() {}

  /** Reads a message record from {@link #COLUMNS}. */
  static MessageRecord record(ResultSet row) throws SQLException {
    ShortMessage message =
        new ShortMessage(
            row.getString(1),
            Origin.parse(row.getString(2)),
            row.getString(3),
            row.getString(4),
            row.getString(5),
            row.getBoolean(6),
            Timestamps.read(row, 7));
    return new MessageRecord(
        message,
        MessageState.valueOf(row.getString(8)),
        row.getString(9),
        Timestamps.read(row, 10));
  }

  /** Reads the message alone from {@link #COLUMNS}. */
  static ShortMessage message(ResultSet row) throws SQLException {
    return record(row).message();
  }

  /**
   * The step of each message that applying {@code settlements} in order would leave standing,
   * ordered by where that step was in the list.
   *
   * <p>Applied one by one, the steps of a message take effect until one makes it final, and later
   * ones are ignored; each step replaces the state, the route and what is owed of the one before.
   * So what remains is the message's first final step, or its last step if none is final, and what
   * it owes became owed at that step's place in the list. A message final before the batch keeps
   * everything, which the statement itself checks.
   */
  static List<Settlement> standing(List<Settlement> settlements) {
    Map<String, Integer> chosen = new HashMap<>();
    for (int i = 0; i < settlements.size(); i++) {
      String id = settlements.get(i).message().id();
      Integer before = chosen.get(id);
      if (before == null || !settlements.get(before).state().isFinal()) {
        chosen.put(id, i);
      }
    }
    List<Integer> positions = new ArrayList<>(chosen.values());
    positions.sort(null);
    List<Settlement> standing = new ArrayList<>(positions.size());
    for (int position : positions) {
      standing.add(settlements.get(position));
    }
    return standing;
  }
}
