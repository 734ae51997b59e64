package org.telco.storage.sms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.postgresql.PGConnection;
import org.telco.sms.Settlement;
import org.telco.sms.ShortMessage;
import org.telco.storage.ColumnArrays;

/**
 * {@link PgSmsStore#acceptRouted}: new messages inserted once, already in their routed state, with
 * the inbox rows of those delivered into a handset in the same statement. A message routed at
 * acceptance is thus one {@code INSERT} of its row (plus its inbox row) instead of an insert as
 * ACCEPTED and an update that touches every index again.
 */
final class RoutedArrivals {
  private static final String TIMESTAMP = "timestamptz 'epoch' + %s * interval '1 microsecond'";
  // The arrivals (numbered for what they owe, in list order), their insert (an id already stored
  // is left alone and returns nothing), and the inbox rows of those inserted with toInbox.
  private static final String INSERT =
      """
      WITH u AS MATERIALIZED (
        SELECT u.*, CASE WHEN u.owed_to IS NOT NULL THEN nextval('sms_owed_serial') END AS owed_seq
        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[],
                    ?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::boolean[], ?::text[],
                    ?::text[])
             WITH ORDINALITY AS u(id, origin, sender, recipient, body, receipt, accepted_us,
                                  state, route, at_us, to_inbox, owed_to, owed_kind, ord)
        ORDER BY u.ord
      ), stored AS (
        INSERT INTO sms_message (id, origin, sender, recipient, body, receipt_requested,
                                 accepted_at, state, route, updated_at, owed_to, owed_kind,
                                 owed_seq)
        SELECT u.id, u.origin, u.sender, u.recipient, u.body, u.receipt, %s, u.state, u.route,
               %s, u.owed_to, u.owed_kind, u.owed_seq
        FROM u
        ORDER BY u.ord
        ON CONFLICT (id) DO NOTHING
        RETURNING id, sender, recipient, body, updated_at
      )
      INSERT INTO handset_message (id, sender, recipient, body, sent_at)
      SELECT s.id, s.sender, s.recipient, s.body, s.updated_at
      FROM stored s JOIN u ON u.id = s.id
      WHERE u.to_inbox
      ORDER BY u.ord
      ON CONFLICT (id) DO NOTHING
      """
          .formatted(TIMESTAMP.formatted("u.accepted_us"), TIMESTAMP.formatted("u.at_us"));

  private RoutedArrivals() {}

  /** Inserts the first arrival of each id in one statement, on {@code connection}. */
  static void insert(Connection connection, List<Settlement> arrivals) throws SQLException {
    List<Settlement> firsts = firstOfEachId(arrivals);
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      PGConnection pg = connection.unwrap(PGConnection.class);
      ColumnArrays columns = new ColumnArrays(pg);
      boolean[] receipts = new boolean[firsts.size()];
      boolean[] toInbox = new boolean[firsts.size()];
      for (int i = 0; i < receipts.length; i++) {
        receipts[i] = firsts.get(i).message().receiptRequested();
        toInbox[i] = firsts.get(i).toInbox();
      }
      insert.setArray(1, columns.text(firsts, s -> s.message().id()));
      insert.setArray(2, columns.text(firsts, s -> s.message().origin().encoded()));
      insert.setArray(3, columns.text(firsts, s -> s.message().from()));
      insert.setArray(4, columns.text(firsts, s -> s.message().to()));
      insert.setArray(5, columns.text(firsts, s -> s.message().text()));
      insert.setArray(6, pg.createArrayOf("bool", receipts));
      insert.setArray(7, columns.epochMicros(firsts, s -> s.message().acceptedAt()));
      insert.setArray(8, columns.text(firsts, s -> s.state().name()));
      insert.setArray(9, columns.text(firsts, Settlement::route));
      insert.setArray(10, columns.epochMicros(firsts, Settlement::at));
      insert.setArray(11, pg.createArrayOf("bool", toInbox));
      insert.setArray(12, columns.text(firsts, s -> s.esmeSystemId().orElse(null)));
      insert.setArray(13, columns.text(firsts, s -> s.esmeKind().map(Enum::name).orElse(null)));
      insert.executeUpdate();
    }
  }

  private static List<Settlement> firstOfEachId(List<Settlement> arrivals) {
    Set<String> seen = new HashSet<>();
    List<Settlement> firsts = new ArrayList<>(arrivals.size());
    for (Settlement arrival : arrivals) {
      ShortMessage message = arrival.message();
      if (seen.add(message.id())) {
        firsts.add(arrival);
      }
    }
    return firsts;
  }
}
