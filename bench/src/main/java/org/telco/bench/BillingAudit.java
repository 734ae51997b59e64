package org.telco.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.Account;
import org.telco.subscriber.SubscriberAccounts;

/**
 * Reads the committed state back after the fee run, from PostgreSQL rather than from the engine's
 * memory, and checks it against what the seeded base must give. Every check prints its figure and
 * whether it holds; one failure fails the benchmark.
 */
final class BillingAudit extends AuditChecks {
  private final DataSource dataSource;
  private final ShardedLedger ledger;
  private final BillingSeed.Expected expected;

  BillingAudit(
      DataSource dataSource, ShardedLedger ledger, BillingSeed.Expected expected, PrintStream out) {
    super(out);
    this.dataSource = dataSource;
    this.ledger = ledger;
    this.expected = expected;
  }

  /**
   * Runs every check.
   *
   * @param nextCycleAt where every subscriber must stand after the run
   * @return true when all hold
   */
  boolean run(Instant nextCycleAt) throws SQLException {
    out.println("  audit (read back from PostgreSQL):");
    try (Connection connection = dataSource.getConnection()) {
      long moved =
          count(
              connection,
              "SELECT count(*) FROM subscriber WHERE next_cycle_at = '"
                  + nextCycleAt.atOffset(ZoneOffset.UTC)
                  + "'");
      check("subscribers moved to the next cycle", moved, expected.subscribers());
      long fees = count(connection, "SELECT count(*) FROM ledger_transfer WHERE id LIKE 'fee:%'");
      long dues = count(connection, "SELECT count(*) FROM ledger_transfer WHERE id LIKE 'due:%'");
      check("fee: + due: transfers", fees + dues, expected.subscribers());
      check("fee: transfers (charged from money)", fees, expected.funded());
      check("due: transfers (recorded as due)", dues, expected.unfunded());
      check(
          "subscribers with both fee: and due:",
          count(
              connection,
              "SELECT count(*) FROM ledger_transfer f JOIN ledger_transfer d"
                  + " ON d.id = 'due:' || substr(f.id, 5) WHERE f.id LIKE 'fee:%'"),
          0);
      check("fee revenue (fen, stored)", revenue(connection), expected.feesFen());
      check("fee revenue (fen, engine)", engineRevenue(), expected.feesFen());
      check(
          "barred for arrears",
          count(connection, "SELECT count(*) FROM subscriber WHERE state = 'BARRED_ARREARS'"),
          expected.unfunded());
      check(
          "FEE_UNPAID history entries",
          count(
              connection,
              "SELECT count(*) FROM subscriber_state_change WHERE reason = 'FEE_UNPAID'"),
          expected.unfunded());
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

  private void checkOutbox(Connection connection) throws SQLException {
    check("outbox messages", count(connection, "SELECT count(*) FROM outbox"), expected.messages());
    check(
        "  fee-charged SMS",
        count(connection, "SELECT count(*) FROM outbox WHERE id LIKE '%fee-charged:%'"),
        expected.funded());
    check(
        "  balance-low SMS",
        count(connection, "SELECT count(*) FROM outbox WHERE id LIKE '%balance-low:%'"),
        expected.low());
    check(
        "  barred SMS",
        count(connection, "SELECT count(*) FROM outbox WHERE id LIKE '%barred:%'"),
        expected.unfunded());
    check(
        "  network Bar commands",
        count(connection, "SELECT count(*) FROM outbox WHERE id LIKE '%arrears:%'"),
        expected.unfunded());
  }

  private long revenue(Connection connection) throws SQLException {
    StringBuilder ids = new StringBuilder();
    for (int shard = 0; shard < ledger.shardCount(); shard++) {
      ids.append(shard == 0 ? "" : ", ")
          .append(SubscriberAccounts.member(shard, SubscriberAccounts.FEE_REVENUE).value());
    }
    return count(
        connection,
        "SELECT coalesce(sum(credits_posted - debits_posted), 0) FROM ledger_account WHERE id IN ("
            + ids
            + ")");
  }

  private long engineRevenue() {
    long total = 0;
    for (int shard = 0; shard < ledger.shardCount(); shard++) {
      total +=
          ledger
              .account(SubscriberAccounts.member(shard, SubscriberAccounts.FEE_REVENUE))
              .join()
              .map(Account::creditBalance)
              .orElse(0L);
    }
    return total;
  }
}
