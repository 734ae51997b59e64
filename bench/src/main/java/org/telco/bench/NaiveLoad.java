package org.telco.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The baseline: what a ledger written the obvious way does on the same server. Each transfer is its
 * own PostgreSQL transaction that locks both account rows ({@code SELECT ... FOR UPDATE}, in id
 * order so that it cannot deadlock), checks the limit in Java, inserts the transfer, updates both
 * balances and commits. PostgreSQL still groups the fsyncs of commits that arrive together, so this
 * is not a strawman of one fsync per transfer.
 *
 * <p>Its schema is its own and leaner than the engine's (no sequence column, no secondary indexes
 * on transfers), which if anything favours the baseline.
 */
final class NaiveLoad {
  static final String DATABASE = "bench_naive";
  private static final int LIMITED = 1;

  private static final String SCHEMA =
      """
      CREATE TABLE accounts (
        id             bigint PRIMARY KEY,
        flags          int    NOT NULL,
        debits_posted  bigint NOT NULL,
        credits_posted bigint NOT NULL
      ) WITH (fillfactor = 80);
      CREATE TABLE transfers (
        id                text        PRIMARY KEY,
        debit_account_id  bigint      NOT NULL,
        credit_account_id bigint      NOT NULL,
        amount            bigint      NOT NULL,
        ts                timestamptz NOT NULL
      );
      """;

  /** Customers funded from one unlimited account, as in the engine run. */
  private static final String SETUP =
      """
      INSERT INTO accounts SELECT g, 1, 0, %2$d FROM generate_series(1, %1$d) g;
      INSERT INTO accounts VALUES (%1$d + 1, 0, %1$d::bigint * %2$d, 0);
      INSERT INTO transfers SELECT 'fund-' || g, %1$d + 1, g, %2$d, now() FROM generate_series(1, %1$d) g;
      """;

  private static final String LOCK =
      "SELECT id, flags, debits_posted, credits_posted FROM accounts WHERE id IN (?, ?) ORDER BY id FOR UPDATE";
  private static final String INSERT =
      "INSERT INTO transfers (id, debit_account_id, credit_account_id, amount, ts) VALUES (?, ?, ?, ?, now())";
  private static final String DEBIT =
      "UPDATE accounts SET debits_posted = debits_posted + ? WHERE id = ?";
  private static final String CREDIT =
      "UPDATE accounts SET credits_posted = credits_posted + ? WHERE id = ?";

  private final BenchPostgres postgres;
  private final LoadShape shape;

  NaiveLoad(BenchPostgres postgres, LoadShape shape) {
    this.postgres = postgres;
    this.shape = shape;
  }

  RunResult run() throws InterruptedException {
    postgres.recreateDatabase(DATABASE);
    try (HikariDataSource pool = pool()) {
      setUp(pool);
      AccountPicker picker = new AccountPicker(shape.accounts(), 1);
      Window window = new Window();
      LoadDriver.Result load =
          LoadDriver.run(
              shape.submitters(),
              shape.warmup(),
              shape.measured(),
              submitter -> new Submitter(pool, picker, submitter),
              window);
      Audit audit = audit(pool, shape.accounts() + load.total().accepted());
      return new RunResult(
          "naive", "1 transfer, one transaction", load, window.details(load), audit);
    }
  }

  private HikariDataSource pool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.jdbcUrl(DATABASE));
    config.setUsername(postgres.user());
    config.setPassword(postgres.password());
    config.setMaximumPoolSize(shape.submitters());
    config.setMinimumIdle(shape.submitters());
    config.setAutoCommit(false);
    config.setPoolName("bench-naive");
    return new HikariDataSource(config);
  }

  private void setUp(HikariDataSource pool) {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(SCHEMA);
      statement.execute(SETUP.formatted(shape.accounts(), LoadShape.OPENING_BALANCE));
      connection.commit();
      connection.setAutoCommit(true);
      statement.execute("VACUUM ANALYZE accounts");
      statement.execute("VACUUM ANALYZE transfers");
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot set up " + DATABASE, e);
    }
  }

  private static Audit audit(HikariDataSource pool, long expectedTransfers) {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      long debits;
      long credits;
      long overdrawn;
      try (ResultSet row =
          statement.executeQuery(
              "SELECT sum(debits_posted), sum(credits_posted),"
                  + " count(*) FILTER (WHERE flags = 1 AND debits_posted > credits_posted) FROM accounts")) {
        row.next();
        debits = row.getLong(1);
        credits = row.getLong(2);
        overdrawn = row.getLong(3);
      }
      long stored;
      try (ResultSet row = statement.executeQuery("SELECT count(*) FROM transfers")) {
        row.next();
        stored = row.getLong(1);
      }
      connection.commit();
      return Audit.of(debits, credits, overdrawn, stored, expectedTransfers, "");
    } catch (SQLException e) {
      return new Audit(false, "FAIL: cannot read " + DATABASE + ": " + e.getMessage());
    }
  }

  /** One client thread: one transfer per transaction, on a pooled connection. */
  private static final class Submitter implements LoadDriver.Worker {
    private final HikariDataSource pool;
    private final AccountPicker picker;
    private final SplittableRandom random;
    private final String prefix;
    private long sequence;

    Submitter(HikariDataSource pool, AccountPicker picker, int index) {
      this.pool = pool;
      this.picker = picker;
      this.random = new SplittableRandom(index * 7919L + 17);
      this.prefix = "s" + index + "-";
    }

    @Override
    public void send(Tally outcome) throws SQLException {
      long debit = picker.any(random);
      long credit = picker.partnerOf(debit, random);
      long amount = 1 + random.nextInt(LoadShape.AMOUNT_MAX);
      try (Connection connection = pool.getConnection()) {
        try {
          if (transfer(connection, prefix + sequence++, debit, credit, amount)) {
            connection.commit();
            outcome.accept();
          } else {
            connection.rollback();
            outcome.reject("EXCEEDS_CREDITS");
          }
        } catch (SQLException | RuntimeException e) {
          connection.rollback();
          throw e;
        }
      }
    }

    /** Runs the transfer's statements; false when the debit account's limit refuses it. */
    private static boolean transfer(
        Connection connection, String id, long debit, long credit, long amount)
        throws SQLException {
      try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
        lock.setLong(1, Math.min(debit, credit));
        lock.setLong(2, Math.max(debit, credit));
        try (ResultSet rows = lock.executeQuery()) {
          int found = 0;
          while (rows.next()) {
            found++;
            boolean limited = rows.getLong(1) == debit && rows.getInt(2) == LIMITED;
            if (limited && rows.getLong(3) + amount > rows.getLong(4)) {
              return false;
            }
          }
          if (found != 2) {
            throw new IllegalStateException("account " + debit + " or " + credit + " is missing");
          }
        }
      }
      try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
        insert.setString(1, id);
        insert.setLong(2, debit);
        insert.setLong(3, credit);
        insert.setLong(4, amount);
        insert.executeUpdate();
      }
      update(connection, DEBIT, amount, debit);
      update(connection, CREDIT, amount, credit);
      return true;
    }

    private static void update(Connection connection, String sql, long amount, long account)
        throws SQLException {
      try (PreparedStatement update = connection.prepareStatement(sql)) {
        update.setLong(1, amount);
        update.setLong(2, account);
        if (update.executeUpdate() != 1) {
          throw new IllegalStateException("account " + account + " is missing");
        }
      }
    }
  }

  /** Takes the machine's and the WAL's counters when the window opens and closes. */
  private final class Window implements LoadDriver.Window {
    private MachineUsage machineOpened;
    private MachineUsage machineClosed;
    private BenchPostgres.WalCounters walOpened;
    private BenchPostgres.WalCounters walClosed;

    @Override
    public void opened() {
      machineOpened = MachineUsage.now();
      walOpened = postgres.wal();
    }

    @Override
    public void closed() {
      machineClosed = MachineUsage.now();
      walClosed = postgres.wal();
    }

    List<String> details(LoadDriver.Result load) {
      BenchPostgres.WalCounters wal = walClosed.minus(walOpened);
      double seconds = load.seconds();
      long accepted = load.measured().accepted();
      return List.of(
          String.format(
              "PostgreSQL WAL       %,.1f MB/s, %,.0f flushes/s (%.1f commits per flush), "
                  + "%,.0f bytes per committed transfer",
              wal.bytes() / seconds / 1e6,
              wal.syncs() / seconds,
              wal.syncs() == 0 ? 0.0 : (double) accepted / wal.syncs(),
              accepted == 0 ? 0.0 : (double) wal.bytes() / accepted),
          "CPU                  " + machineClosed.since(machineOpened));
    }
  }
}
