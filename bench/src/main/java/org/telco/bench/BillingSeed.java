package org.telco.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.TransferRequest;
import org.telco.subscriber.BillingCycles;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.Plan;
import org.telco.subscriber.PlanCatalog;
import org.telco.subscriber.PurposeCode;
import org.telco.subscriber.ServicePassword;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.TransferIds;

/**
 * Seeds the billing benchmark: an operator's base whose cycles all start at one instant. Rows go to
 * {@code subscriber} and {@code subscriber_state_change} by {@code COPY}, accounts are opened and
 * topped up through the ledger engine (so the ledger's memory and tables hold what they would in
 * production). Deterministic: the same count gives the same base.
 *
 * <p>Seeding only: every row shares one service password derived once, because deriving 1,000,000
 * keys at the production iteration count would take about a day of CPU. The fee run never reads a
 * password's key; it only carries the encoded line through.
 */
final class BillingSeed {
  /** Subscribers per COPY (the ledger's chunks are LedgerSeeding's). */
  private static final int COPY_CHUNK = 100_000;

  /** Out of 100: subscribers who have not topped up, and are barred at the fee. */
  private static final int UNFUNDED_PERCENT = 10;

  /** Out of 100 funded: those left with less than the next fee (balance-low SMS). */
  private static final int LOW_PERCENT = 20;

  private final OperatorProfile profile;
  private final PlanCatalog plans;
  private final SubscriberAccounts accounts;
  private final BillingCycles cycles;
  private final int count;
  private final Instant createdAt;
  private final String password;

  /**
   * A base of {@code count} subscribers of {@code profile}, all subscribed at {@code createdAt}.
   */
  BillingSeed(
      OperatorProfile profile,
      PlanCatalog plans,
      SubscriberAccounts accounts,
      int count,
      Instant createdAt) {
    this.profile = profile;
    this.plans = plans;
    this.accounts = accounts;
    this.cycles = new BillingCycles(profile.zone());
    this.count = count;
    this.createdAt = createdAt;
    this.password = ServicePassword.derive("bench-password".toCharArray(), new byte[16]).encoded();
  }

  /** The number of subscriber {@code serial}: alpha's prefix and an eight-digit serial. */
  Msisdn msisdn(int serial) {
    return new Msisdn(profile.ranges().getFirst().prefix() + String.format("%08d", serial));
  }

  /** Subscriber {@code serial} as it subscribed. */
  Subscriber subscriber(int serial) {
    List<Plan> all = plans.plans();
    int slot = serial % 10; // 40% basic, 30% standard, 20% plus, 10% unlimited
    Plan plan = all.get(slot < 4 ? 0 : slot < 7 ? 1 : slot < 9 ? 2 : 3);
    return Subscriber.subscribe(
        msisdn(serial),
        profile.id(),
        plan.id(),
        ServicePassword.parse(password),
        SubscriberAccounts.subscriberFamily(serial),
        createdAt,
        cycles);
  }

  /**
   * The top-up of subscriber {@code serial} before the cycle, or 0 for none: enough for one fee and
   * less than another for some, several fees for most.
   */
  long topUpFen(int serial, long feeFen) {
    SplittableRandom random = new SplittableRandom(serial * 0x9E3779B97F4A7C15L);
    if (random.nextInt(100) < UNFUNDED_PERCENT) {
      return 0;
    }
    if (random.nextInt(100) < LOW_PERCENT) {
      return feeFen + random.nextLong(feeFen);
    }
    return feeFen * (2 + random.nextInt(4)) + random.nextLong(1_000);
  }

  /** What the seeded base should give: counts and sums the audit checks. */
  Expected expected() {
    Map<String, Long> feeOf = new HashMap<>();
    for (Plan plan : plans.plans()) {
      feeOf.put(plan.id().value(), plan.monthlyFeeFen());
    }
    long funded = 0;
    long low = 0;
    long fees = 0;
    for (int serial = 0; serial < count; serial++) {
      Subscriber subscriber = subscriber(serial);
      long fee = feeOf.get(subscriber.planId().value());
      long topUp = topUpFen(serial, fee);
      fees += fee;
      if (topUp > 0) {
        funded++;
        low += topUp - fee < fee ? 1 : 0;
      }
    }
    return new Expected(count, funded, count - funded, low, fees);
  }

  /** Writes the rows and opens and funds the accounts. */
  void seed(DataSource dataSource, ShardedLedger ledger) throws SQLException, IOException {
    try (Connection connection = dataSource.getConnection()) {
      copySubscribers(connection);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT setval('subscriber_family_serial', " + count + ", false)");
        statement.execute("ANALYZE subscriber");
      }
    }
    LedgerSeeding.openAccounts(ledger, 1, serial -> accounts.houseAccounts());
    LedgerSeeding.openAccounts(ledger, count, serial -> accounts.open(subscriber(serial)));
    topUp(ledger);
  }

  private void topUp(ShardedLedger ledger) {
    Map<String, Long> feeOf = new HashMap<>();
    for (Plan plan : plans.plans()) {
      feeOf.put(plan.id().value(), plan.monthlyFeeFen());
    }
    LedgerSeeding.submit(
        ledger,
        count,
        serial -> {
          Subscriber s = subscriber(serial);
          long amount = topUpFen(serial, feeOf.get(s.planId().value()));
          return amount <= 0
              ? Optional.empty()
              : Optional.of(
                  TransferRequest.posted(
                      TransferIds.of("bench-topup", s.msisdn().digits()),
                      accounts.paymentsClearing(s),
                      s.moneyAccount(),
                      amount,
                      PurposeCode.TOP_UP.code()));
        },
        "top up");
  }

  private void copySubscribers(Connection connection) throws SQLException, IOException {
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    for (int from = 0; from < count; from += COPY_CHUNK) {
      StringBuilder rows = new StringBuilder();
      StringBuilder history = new StringBuilder();
      for (int serial = from; serial < Math.min(count, from + COPY_CHUNK); serial++) {
        Subscriber s = subscriber(serial);
        String digits = s.msisdn().digits();
        String created = s.createdAt().atOffset(ZoneOffset.UTC).toString();
        rows.append(digits).append('\t').append(s.operatorId().value()).append('\t');
        rows.append(s.planId().value()).append('\t').append(s.state().name()).append('\t');
        rows.append(password).append('\t').append(s.moneyAccount().value()).append('\t');
        rows.append(s.arrearsAccount().value()).append('\t').append(created).append('\t');
        rows.append(s.nextCycleAt().atOffset(ZoneOffset.UTC)).append("\t0\n");
        history.append(digits).append("\t\\N\tACTIVE\tSUBSCRIBED\t").append(created).append('\n');
      }
      copy.copyIn(
          "COPY subscriber (msisdn, operator_id, plan_id, state, service_password, money_account,"
              + " arrears_account, created_at, next_cycle_at, version) FROM STDIN",
          new StringReader(rows.toString()));
      copy.copyIn(
          "COPY subscriber_state_change (msisdn, from_state, to_state, reason, at) FROM STDIN",
          new StringReader(history.toString()));
    }
  }

  /**
   * What the fee run must produce on the seeded base.
   *
   * @param subscribers subscribers due
   * @param funded those topped up with at least the fee: charged, one SMS each
   * @param unfunded those without money: fee recorded as due, barred, a Bar command and an SMS
   * @param low funded ones left with less than the next fee: a balance-low SMS as well
   * @param feesFen the sum of every subscriber's fee: fee revenue after the run
   */
  record Expected(long subscribers, long funded, long unfunded, long low, long feesFen) {
    /** Outbox messages the run enqueues. */
    long messages() {
      return funded + low + 2 * unfunded;
    }
  }
}
