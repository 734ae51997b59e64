package org.telco.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads both operators' databases back after the load has drained and checks every message the
 * ESMEs got a message id for: it is DELIVERED on alpha, and it is in exactly one inbox ({@code
 * handset_message}), the right one: alpha's for a local route, beta's for {@code peer:beta}.
 *
 * @param acked message ids acknowledged by submit_sm_resp, warmup included
 * @param distinct how many of them are distinct (an id acknowledged twice is a failure)
 * @param delivered how many are DELIVERED on alpha
 * @param local how many of them went into an alpha inbox
 * @param forwarded how many of them went over to beta's inbox
 * @param wrong how many are missing from the inbox their route names or are in both
 * @param storedNotAcked ESME messages stored on alpha that the ESME never got an id for (submits
 *     whose answer did not come back; the centre still delivers them, which is allowed)
 * @param firstProblem a description of the first message that failed, or null
 */
record SmsAudit(
    long acked,
    long distinct,
    long delivered,
    long local,
    long forwarded,
    long wrong,
    long storedNotAcked,
    String firstProblem) {
  private record Row(String state, String route) {}

  /** Whether every acknowledged message was delivered exactly once, to the right inbox. */
  boolean passed() {
    return acked > 0 && distinct == acked && delivered == acked && wrong == 0;
  }

  String description() {
    return String.format(
        "%s: %,d acknowledged (%,d distinct), %,d DELIVERED on alpha; in exactly one inbox: "
            + "%,d alpha (local), %,d beta (forwarded); %,d wrong%s; %,d stored but never"
            + " acknowledged",
        passed() ? "PASS" : "FAIL",
        acked,
        distinct,
        delivered,
        local,
        forwarded,
        wrong,
        firstProblem == null ? "" : " (first: " + firstProblem + ")",
        storedNotAcked);
  }

  /** Audits {@code acked} against the databases of {@code platform}. */
  static SmsAudit of(SmsPlatform platform, List<String> acked) throws SQLException {
    Map<String, Row> alpha = new HashMap<>();
    try (Connection connection = platform.connect("alpha");
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT id, state, route FROM sms_message WHERE origin LIKE 'esme:%'")) {
      select.setFetchSize(10_000);
      connection.setAutoCommit(false);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          alpha.put(rows.getString(1), new Row(rows.getString(2), rows.getString(3)));
        }
      }
      connection.commit();
    }
    Set<String> alphaInbox = inbox(platform, "alpha");
    Set<String> betaInbox = inbox(platform, "beta");
    Set<String> distinct = new HashSet<>(acked);
    long delivered = 0;
    long local = 0;
    long forwarded = 0;
    long wrong = 0;
    String first = null;
    for (String id : distinct) {
      Row row = alpha.get(id);
      if (row != null && "DELIVERED".equals(row.state())) {
        delivered++;
      }
      boolean inAlpha = alphaInbox.contains(id);
      boolean inBeta = betaInbox.contains(id);
      String route = row == null ? null : row.route();
      if ("handset".equals(route) && inAlpha && !inBeta) {
        local++;
      } else if ("peer:beta".equals(route) && inBeta && !inAlpha) {
        forwarded++;
      } else {
        wrong++;
        if (first == null) {
          first = id + " " + row + " in alpha inbox " + inAlpha + ", in beta inbox " + inBeta;
        }
      }
    }
    long storedNotAcked = alpha.keySet().stream().filter(id -> !distinct.contains(id)).count();
    return new SmsAudit(
        acked.size(), distinct.size(), delivered, local, forwarded, wrong, storedNotAcked, first);
  }

  private static Set<String> inbox(SmsPlatform platform, String node) throws SQLException {
    Set<String> ids = new HashSet<>();
    try (Connection connection = platform.connect(node);
        PreparedStatement select = connection.prepareStatement("SELECT id FROM handset_message")) {
      connection.setAutoCommit(false);
      select.setFetchSize(10_000);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
      connection.commit();
    }
    return ids;
  }
}
