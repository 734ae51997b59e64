package org.telco.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.telco.app.credit.OfferTimers;
import org.telco.engine.ShardedLedger;
import org.telco.subscriber.BillingCycles;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.Plan;
import org.telco.subscriber.ServicePassword;
import org.telco.subscriber.StateChange;
import org.telco.subscriber.StateChangeReason;
import org.telco.subscriber.StateChangeResult;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.time.Timer;

/**
 * Seeds the emergency-credit benchmark with what a fee run leaves behind when none of the base can
 * pay: every subscriber barred for arrears at the instant T with its fee recorded as due and no
 * money, its history reading SUBSCRIBED then FEE_UNPAID, and one offer timer due 30 minutes after
 * T. Rows go to {@code subscriber}, {@code subscriber_state_change} and {@code timer} by {@code
 * COPY}; accounts are opened and the fees recorded through the ledger engine, so the ledger's
 * memory and tables hold what they would in production. Deterministic: the same count gives the
 * same base.
 *
 * <p>Seeding only: every row shares one service password derived once, as in {@link BillingSeed}.
 * The offers never read a password's key.
 */
final class EmergencyCreditSeed {
  /** Subscribers per COPY. */
  private static final int COPY_CHUNK = 100_000;

  private final OperatorProfile profile;
  private final Plan plan;
  private final SubscriberAccounts accounts;
  private final OfferTimers offers;
  private final BillingCycles cycles;
  private final int count;
  private final Instant createdAt;
  private final Instant barredAt;
  private final LocalDate cycle;
  private final String password;

  /**
   * A base of {@code count} subscribers of {@code profile} on {@code plan}, subscribed at {@code
   * createdAt} and barred at their first fee, at {@code barredAt}.
   */
  EmergencyCreditSeed(
      OperatorProfile profile,
      Plan plan,
      SubscriberAccounts accounts,
      OfferTimers offers,
      int count,
      Instant createdAt,
      Instant barredAt) {
    this.profile = profile;
    this.plan = plan;
    this.accounts = accounts;
    this.offers = offers;
    this.cycles = new BillingCycles(profile.zone());
    this.count = count;
    this.createdAt = createdAt;
    this.barredAt = barredAt;
    this.cycle = cycles.dateOf(barredAt);
    this.password = ServicePassword.derive("bench-password".toCharArray(), new byte[16]).encoded();
  }

  /** The number of subscriber {@code serial}: alpha's prefix and an eight-digit serial. */
  Msisdn msisdn(int serial) {
    return new Msisdn(profile.ranges().getFirst().prefix() + String.format("%08d", serial));
  }

  /** Subscriber {@code serial} as it subscribed, before its first fee. */
  Subscriber subscribed(int serial) {
    return Subscriber.subscribe(
        msisdn(serial),
        profile.id(),
        plan.id(),
        ServicePassword.parse(password),
        SubscriberAccounts.subscriberFamily(serial),
        createdAt,
        cycles);
  }

  /** The bar of subscriber {@code serial}, as the fee run writes it. */
  StateChangeResult.Changed barred(int serial) {
    if (subscribed(serial).change(StateChangeReason.FEE_UNPAID, barredAt)
        instanceof StateChangeResult.Changed changed) {
      return changed;
    }
    throw new IllegalStateException("a new subscriber can be barred for arrears");
  }

  /** When every offer falls due. */
  Instant offersDueAt() {
    return offers.offer(msisdn(0), cycle.toString(), barredAt).dueAt();
  }

  /** Writes the rows, opens the accounts and records every fee as due. */
  void seed(DataSource dataSource, ShardedLedger ledger) throws SQLException, IOException {
    try (Connection connection = dataSource.getConnection()) {
      copyRows(connection);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT setval('subscriber_family_serial', " + count + ", false)");
      }
    }
    LedgerSeeding.openAccounts(ledger, 1, serial -> accounts.houseAccounts());
    LedgerSeeding.openAccounts(ledger, count, serial -> accounts.open(subscribed(serial)));
    recordDues(ledger);
  }

  /** The fee run's {@code due:} transfer of every subscriber: arrears to fee revenue. */
  private void recordDues(ShardedLedger ledger) {
    LedgerSeeding.submit(
        ledger,
        count,
        serial -> Optional.of(accounts.recordDue(subscribed(serial), plan.monthlyFeeFen(), cycle)),
        "record the fee as due");
  }

  private void copyRows(Connection connection) throws SQLException, IOException {
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    for (int from = 0; from < count; from += COPY_CHUNK) {
      StringBuilder rows = new StringBuilder();
      StringBuilder history = new StringBuilder();
      StringBuilder timers = new StringBuilder();
      for (int serial = from; serial < Math.min(count, from + COPY_CHUNK); serial++) {
        StateChangeResult.Changed bar = barred(serial);
        Subscriber s = bar.subscriber().nextCycle(cycles).withVersion(1);
        String digits = s.msisdn().digits();
        rows.append(digits).append('\t').append(s.operatorId().value()).append('\t');
        rows.append(s.planId().value()).append('\t').append(s.state().name()).append('\t');
        rows.append(password).append('\t').append(s.moneyAccount().value()).append('\t');
        rows.append(s.arrearsAccount().value()).append('\t').append(utc(s.createdAt()));
        rows.append('\t').append(utc(s.nextCycleAt())).append('\t').append(s.version());
        rows.append('\n');
        history(history, StateChange.subscribed(s.msisdn(), s.createdAt()));
        history(history, bar.change());
        Timer offer = offers.offer(s.msisdn(), cycle.toString(), barredAt);
        timers.append(offer.id()).append('\t').append(offer.kind()).append('\t');
        timers.append(offer.payload()).append('\t').append(utc(offer.dueAt())).append('\n');
      }
      copy.copyIn(
          "COPY subscriber (msisdn, operator_id, plan_id, state, service_password, money_account,"
              + " arrears_account, created_at, next_cycle_at, version) FROM STDIN",
          new StringReader(rows.toString()));
      copy.copyIn(
          "COPY subscriber_state_change (msisdn, from_state, to_state, reason, at) FROM STDIN",
          new StringReader(history.toString()));
      copy.copyIn(
          "COPY timer (id, kind, payload, due_at) FROM STDIN", new StringReader(timers.toString()));
    }
  }

  private static void history(StringBuilder rows, StateChange change) {
    rows.append(change.msisdn().digits()).append('\t');
    rows.append(change.from() == null ? "\\N" : change.from().name()).append('\t');
    rows.append(change.to().name()).append('\t').append(change.reason().name()).append('\t');
    rows.append(utc(change.at())).append('\n');
  }

  private static String utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toString();
  }
}
