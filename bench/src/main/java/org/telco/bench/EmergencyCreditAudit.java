package org.telco.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.telco.app.credit.OfferTimers;
import org.telco.engine.ShardedLedger;
import org.telco.messaging.SmsMessages;
import org.telco.network.NetworkCommands;
import org.telco.subscriber.SubscriberAccounts;

/**
 * Reads the committed state back after the offers fired, from PostgreSQL rather than from the
 * engine's memory, and checks that each of the seeded numbers got exactly one advance, with
 * everything that comes with it: the state change and its history entry, the money moved and what
 * of it paid the fee, the unbar command and the bill, and the deadline (the offer's timer
 * re-armed). Every check prints its figure and whether it holds; one failure fails the benchmark.
 */
final class EmergencyCreditAudit extends AuditChecks {
  private final DataSource dataSource;
  private final ShardedLedger ledger;
  private final long numbers;
  private final long advanceFen;
  private final long stillDueFen;

  /**
   * An audit of {@code numbers} offers that each should have lent {@code advanceFen} and left
   * {@code stillDueFen} of the fee due.
   */
  EmergencyCreditAudit(
      DataSource dataSource,
      ShardedLedger ledger,
      long numbers,
      long advanceFen,
      long stillDueFen,
      PrintStream out) {
    super(out);
    this.dataSource = dataSource;
    this.ledger = ledger;
    this.numbers = numbers;
    this.advanceFen = advanceFen;
    this.stillDueFen = stillDueFen;
  }

  /**
   * Runs every check.
   *
   * @param fired how many timers the poller reported complete
   * @return true when all hold
   */
  boolean run(long fired) throws SQLException {
    out.println("  audit (read back from PostgreSQL):");
    check("timers the poller completed", fired, numbers);
    try (Connection connection = dataSource.getConnection()) {
      checkTimers(connection);
      check("advances", count(connection, "SELECT count(*) FROM advance"), numbers);
      check(
          "  OUTSTANDING, of " + advanceFen + " fen, one per number",
          count(
              connection,
              "SELECT count(DISTINCT msisdn) FROM advance WHERE state = 'OUTSTANDING'"
                  + " AND amount_fen = "
                  + advanceFen),
          numbers);
      check(
          "subscribers on EMERGENCY_CREDIT",
          count(connection, "SELECT count(*) FROM subscriber WHERE state = 'EMERGENCY_CREDIT'"),
          numbers);
      check(
          "EMERGENCY_CREDIT_GRANTED history entries",
          count(
              connection,
              "SELECT count(*) FROM subscriber_state_change"
                  + " WHERE reason = 'EMERGENCY_CREDIT_GRANTED'"),
          numbers);
      check(
          "  numbers with exactly one",
          count(
              connection,
              "SELECT count(*) FROM (SELECT msisdn FROM subscriber_state_change"
                  + " WHERE reason = 'EMERGENCY_CREDIT_GRANTED' GROUP BY msisdn"
                  + " HAVING count(*) = 1) AS once"),
          numbers);
      check(
          "numbers with " + stillDueFen + " fen still due, no money",
          count(
              connection,
              "SELECT count(*) FROM subscriber s"
                  + " JOIN ledger_account a ON a.id = s.arrears_account"
                  + " JOIN ledger_account m ON m.id = s.money_account"
                  + " WHERE a.debits_posted - a.credits_posted = "
                  + stillDueFen
                  + " AND m.credits_posted - m.debits_posted = 0"),
          numbers);
      check("lent by emergency credit (fen, stored)", lentStored(connection), numbers * advanceFen);
      check("lent by emergency credit (fen, engine)", lentInEngine(), numbers * advanceFen);
      checkOutbox(connection);
    }
    try {
      ledger.checkInvariants().join();
      out.printf("    %-44s %s%n", "ledger invariants (every shard)", "ok");
    } catch (RuntimeException e) {
      failures.add("ledger invariants: " + e.getMessage());
      out.printf("    %-44s FAIL %s%n", "ledger invariants (every shard)", e.getMessage());
    }
    return failures.isEmpty();
  }

  /**
   * Each offer that granted an advance is not completed but re-armed as that advance's deadline
   * (the same row: the offer's id and payload, kind deadline, due at the advance's deadline), so
   * every timer row is a pending deadline and none is still an offer.
   */
  private void checkTimers(Connection connection) throws SQLException {
    String deadline = "kind = '" + OfferTimers.DEADLINE + "' AND fired_at IS NULL";
    check("timer rows (no row added)", count(connection, "SELECT count(*) FROM timer"), numbers);
    check(
        "offer timers left as offers, pending or fired",
        count(connection, "SELECT count(*) FROM timer WHERE kind = '" + OfferTimers.OFFER + "'"),
        0);
    check(
        "offer timers re-armed as their deadlines",
        count(
            connection,
            "SELECT count(*) FROM timer t JOIN advance a ON a.id = t.payload WHERE t.kind = '"
                + OfferTimers.DEADLINE
                + "' AND t.fired_at IS NULL AND t.id = '"
                + OfferTimers.OFFER
                + ":' || a.id AND t.due_at = a.deadline"),
        numbers);
    check(
        "timers postponed (attempts > 0)",
        count(connection, "SELECT count(*) FROM timer WHERE attempts > 0"),
        0);
    check(
        "deadline timers pending",
        count(connection, "SELECT count(*) FROM timer WHERE " + deadline),
        numbers);
  }

  /**
   * The unbar commands and bills, counted inside the outbox rows that carry them (a batch's items
   * are its payload's lines): each advance has its command and its bill exactly once.
   */
  private void checkOutbox(Connection connection) throws SQLException {
    String items = " FROM outbox, unnest(string_to_array(payload, E'\\n')) AS item WHERE topic = '";
    check(
        "outbox items (commands and SMS)",
        count(connection, "SELECT count(*)" + items.replace(" WHERE topic = '", "")),
        2 * numbers);
    check(
        "  network Unbar commands",
        count(
            connection,
            "SELECT count(*)"
                + items
                + NetworkCommands.TOPIC
                + "' AND item LIKE '%\"commandId\":\"advance:%'"),
        numbers);
    check(
        "    distinct",
        count(
            connection,
            "SELECT count(DISTINCT item)"
                + items
                + NetworkCommands.TOPIC
                + "' AND item LIKE '%\"commandId\":\"advance:%'"),
        numbers);
    check(
        "  advance bill SMS",
        count(
            connection,
            "SELECT count(*)"
                + items
                + SmsMessages.TOPIC
                + "' AND item LIKE '%\"id\":\"advance-bill:%'"),
        numbers);
    check(
        "    distinct",
        count(
            connection,
            "SELECT count(DISTINCT item)"
                + items
                + SmsMessages.TOPIC
                + "' AND item LIKE '%\"id\":\"advance-bill:%'"),
        numbers);
  }

  /** What the emergency-credit house accounts of every shard lent: their debits net of credits. */
  private long lentStored(Connection connection) throws SQLException {
    StringBuilder ids = new StringBuilder();
    for (int shard = 0; shard < ledger.shardCount(); shard++) {
      ids.append(shard == 0 ? "" : ", ")
          .append(SubscriberAccounts.member(shard, SubscriberAccounts.EMERGENCY_CREDIT).value());
    }
    return count(
        connection,
        "SELECT coalesce(sum(debits_posted - credits_posted), 0) FROM ledger_account"
            + " WHERE id IN ("
            + ids
            + ")");
  }

  private long lentInEngine() {
    long total = 0;
    for (int shard = 0; shard < ledger.shardCount(); shard++) {
      total +=
          ledger
              .account(SubscriberAccounts.member(shard, SubscriberAccounts.EMERGENCY_CREDIT))
              .join()
              .map(account -> -account.creditBalance())
              .orElse(0L);
    }
    return total;
  }
}
