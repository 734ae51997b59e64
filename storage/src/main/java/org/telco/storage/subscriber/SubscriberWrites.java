package org.telco.storage.subscriber;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.telco.storage.EpochMicros;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.StateChange;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberUpdate;
import org.telco.subscriber.SubscriberUpdateResult;

/**
 * The bulk statements behind {@link PgSubscriberStore#updateAll}: whatever the batch size, it locks
 * the named rows in number order (so two batches cannot deadlock), rewrites those whose version
 * still matches, appends their history, and reads the stored versions of the rest, each in one
 * statement over arrays. Every statement is linear in the batch size.
 */
final class SubscriberWrites {
  // Locks first, in number order, so that two batches cannot deadlock. A separate statement:
  // joined into the UPDATE, the planner (which expects 10 rows from unnest) would match the
  // locked rows to the updates by a nested loop, quadratic in the batch size.
  private static final String LOCK =
      "SELECT msisdn FROM subscriber WHERE msisdn = ANY (?::text[]) ORDER BY msisdn FOR UPDATE";
  private static final String UPDATE =
      """
      UPDATE subscriber s SET
        plan_id = u.plan_id,
        state = u.state,
        service_password = u.service_password,
        next_cycle_at = timestamptz 'epoch' + u.next_us * interval '1 microsecond',
        version = s.version + 1
      FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[])
        AS u(msisdn, plan_id, state, service_password, next_us, version)
      WHERE s.msisdn = u.msisdn AND s.version = u.version
      RETURNING s.msisdn
      """;
  private static final String VERSIONS =
      "SELECT msisdn, version FROM subscriber WHERE msisdn = ANY (?::text[])";
  private static final String APPEND_HISTORY =
      """
      INSERT INTO subscriber_state_change (msisdn, from_state, to_state, reason, at)
      SELECT u.msisdn, u.from_state, u.to_state, u.reason,
             timestamptz 'epoch' + u.at_us * interval '1 microsecond'
      FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[])
        WITH ORDINALITY AS u(msisdn, from_state, to_state, reason, at_us, n)
      ORDER BY u.n
      """;

  private SubscriberWrites() {}

  /** Applies the updates inside the connection's open transaction; answers in request order. */
  static List<SubscriberUpdateResult> applyAll(
      Connection connection, List<SubscriberUpdate> updates) throws SQLException {
    Map<Msisdn, Subscriber> written = rewrite(connection, updates);
    List<StateChange> history = new ArrayList<>();
    List<Msisdn> missed = new ArrayList<>();
    for (SubscriberUpdate update : updates) {
      Msisdn msisdn = update.subscriber().msisdn();
      if (written.containsKey(msisdn)) {
        history.addAll(update.changes());
      } else {
        missed.add(msisdn);
      }
    }
    appendHistory(connection, history);
    Map<Msisdn, Long> versions = versions(connection, missed);
    List<SubscriberUpdateResult> results = new ArrayList<>(updates.size());
    for (SubscriberUpdate update : updates) {
      Msisdn msisdn = update.subscriber().msisdn();
      Subscriber stored = written.get(msisdn);
      Long version = versions.get(msisdn);
      if (stored != null) {
        results.add(new SubscriberUpdateResult.Updated(stored));
      } else if (version != null) {
        results.add(new SubscriberUpdateResult.Stale(msisdn, version));
      } else {
        results.add(new SubscriberUpdateResult.NotFound(msisdn));
      }
    }
    return results;
  }

  private static Map<Msisdn, Subscriber> rewrite(
      Connection connection, List<SubscriberUpdate> updates) throws SQLException {
    int n = updates.size();
    String[] msisdns = new String[n];
    String[] plans = new String[n];
    String[] states = new String[n];
    String[] passwords = new String[n];
    long[] nextMicros = new long[n];
    long[] versions = new long[n];
    for (int i = 0; i < n; i++) {
      Subscriber next = updates.get(i).subscriber();
      msisdns[i] = next.msisdn().digits();
      plans[i] = next.planId().value();
      states[i] = next.state().name();
      passwords[i] = next.password().encoded();
      nextMicros[i] = EpochMicros.of(next.nextCycleAt());
      versions[i] = next.version();
    }
    PGConnection pg = connection.unwrap(PGConnection.class);
    try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
      lock.setArray(1, pg.createArrayOf("text", msisdns));
      lock.executeQuery().close();
    }
    // A row rewritten holds the update's subscriber at the next version, its times as PostgreSQL
    // keeps them; the columns no update changes (operator, accounts, creation) are the ones it
    // was read with. So only the numbers come back, not every column to be parsed again.
    Map<String, Subscriber> stored = new HashMap<>();
    for (SubscriberUpdate update : updates) {
      Subscriber next = update.subscriber();
      stored.put(
          next.msisdn().digits(),
          next.withNextCycleAt(next.nextCycleAt().truncatedTo(ChronoUnit.MICROS))
              .withVersion(next.version() + 1));
    }
    Map<Msisdn, Subscriber> written = new HashMap<>();
    try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
      update.setArray(1, pg.createArrayOf("text", msisdns));
      update.setArray(2, pg.createArrayOf("text", plans));
      update.setArray(3, pg.createArrayOf("text", states));
      update.setArray(4, pg.createArrayOf("text", passwords));
      update.setArray(5, pg.createArrayOf("int8", nextMicros));
      update.setArray(6, pg.createArrayOf("int8", versions));
      try (ResultSet rows = update.executeQuery()) {
        while (rows.next()) {
          Subscriber row = stored.get(rows.getString(1));
          written.put(row.msisdn(), row);
        }
      }
    }
    return written;
  }

  private static Map<Msisdn, Long> versions(Connection connection, List<Msisdn> msisdns)
      throws SQLException {
    Map<Msisdn, Long> versions = new HashMap<>();
    if (msisdns.isEmpty()) {
      return versions;
    }
    String[] digits = msisdns.stream().map(Msisdn::digits).toArray(String[]::new);
    try (PreparedStatement select = connection.prepareStatement(VERSIONS)) {
      select.setArray(1, connection.unwrap(PGConnection.class).createArrayOf("text", digits));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          versions.put(new Msisdn(rows.getString(1)), rows.getLong(2));
        }
      }
    }
    return versions;
  }

  /** Appends history entries, in order, inside the connection's open transaction. */
  static void appendHistory(Connection connection, List<StateChange> changes) throws SQLException {
    if (changes.isEmpty()) {
      return;
    }
    int n = changes.size();
    String[] msisdns = new String[n];
    String[] froms = new String[n];
    String[] tos = new String[n];
    String[] reasons = new String[n];
    long[] atMicros = new long[n];
    for (int i = 0; i < n; i++) {
      StateChange change = changes.get(i);
      msisdns[i] = change.msisdn().digits();
      froms[i] = change.from() == null ? null : change.from().name();
      tos[i] = change.to().name();
      reasons[i] = change.reason().name();
      atMicros[i] = EpochMicros.of(change.at());
    }
    PGConnection pg = connection.unwrap(PGConnection.class);
    try (PreparedStatement insert = connection.prepareStatement(APPEND_HISTORY)) {
      insert.setArray(1, pg.createArrayOf("text", msisdns));
      insert.setArray(2, pg.createArrayOf("text", froms));
      insert.setArray(3, pg.createArrayOf("text", tos));
      insert.setArray(4, pg.createArrayOf("text", reasons));
      insert.setArray(5, pg.createArrayOf("int8", atMicros));
      insert.executeUpdate();
    }
  }
}
