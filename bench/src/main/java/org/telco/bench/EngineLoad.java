package org.telco.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.telco.engine.EngineSettings;
import org.telco.engine.ShardStatistics;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.AccountFlag;
import org.telco.ledger.AccountId;
import org.telco.ledger.AccountResult;
import org.telco.ledger.Asset;
import org.telco.ledger.NewAccount;
import org.telco.ledger.TransferId;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.storage.Database;
import org.telco.storage.ledger.PgLedgerStore;

/**
 * The engine run: transfers go the way the platform sends them, through {@link ShardedLedger}
 * (shard queue, in-memory apply, one PostgreSQL transaction per group commit, answer after the
 * commit), on the real {@link PgLedgerStore}.
 *
 * <p>Customer accounts are prepaid balances: they carry {@code DEBITS_MUST_NOT_EXCEED_CREDITS} and
 * are funded from one unlimited account per shard before the load starts, so every transfer goes
 * through the limit check.
 */
final class EngineLoad {
  static final String DATABASE = "bench_engine";
  private static final int SETUP_CHUNK = 10_000;
  private static final int CODE = 1;

  private final BenchPostgres postgres;
  private final LoadShape shape;
  private final EngineSettings settings;

  EngineLoad(BenchPostgres postgres, LoadShape shape, EngineSettings settings) {
    this.postgres = postgres;
    this.shape = shape;
    this.settings = settings.withShardCount(shape.shards());
  }

  RunResult run() throws InterruptedException {
    postgres.recreateDatabase(DATABASE);
    try (Database database =
        Database.open(
            postgres.jdbcUrl(DATABASE), postgres.user(), postgres.password(), shape.shards() + 4)) {
      TimedStore store = new TimedStore(new PgLedgerStore(database.dataSource()));
      ShardedLedger ledger = ShardedLedger.start(store, Clock.systemUTC(), settings);
      LoadDriver.Result load;
      Window window = new Window(ledger, store);
      try {
        openAccounts(ledger);
        fundAccounts(ledger);
        AccountPicker picker = new AccountPicker(shape.accounts(), shape.shards());
        load =
            LoadDriver.run(
                shape.submitters(),
                shape.warmup(),
                shape.measured(),
                submitter -> new Submitter(ledger, picker, submitter, shape.batch()),
                window);
        ledger.checkInvariants().join();
      } finally {
        ledger.close();
      }
      Audit audit = audit(database, shape.accounts() + load.total().accepted());
      return new RunResult(
          "engine",
          shape.batch()
              + (shape.batch() == 1 ? " transfer" : " transfers")
              + ", "
              + shape.shards()
              + " shard(s)",
          load,
          window.details(load.seconds()),
          audit);
    }
  }

  private void openAccounts(ShardedLedger ledger) {
    List<NewAccount> accounts = new ArrayList<>();
    for (int shard = 0; shard < shape.shards(); shard++) {
      accounts.add(
          new NewAccount(
              new AccountId(shape.fundingAccount(shard)),
              Asset.CNY_FEN,
              Set.of(),
              "bench:funding"));
    }
    for (long id = 1; id <= shape.accounts(); id++) {
      accounts.add(
          new NewAccount(
              new AccountId(id),
              Asset.CNY_FEN,
              Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
              "bench:" + id));
      if (accounts.size() == SETUP_CHUNK || id == shape.accounts()) {
        for (AccountResult result : ledger.open(accounts).join()) {
          if (!(result instanceof AccountResult.Opened)) {
            throw new IllegalStateException("cannot open account " + result);
          }
        }
        accounts.clear();
      }
    }
  }

  private void fundAccounts(ShardedLedger ledger) {
    List<TransferRequest> transfers = new ArrayList<>();
    for (long id = 1; id <= shape.accounts(); id++) {
      AccountId funding = new AccountId(shape.fundingAccount(ledger.shardOf(new AccountId(id))));
      transfers.add(
          TransferRequest.posted(
              new TransferId("fund-" + id),
              funding,
              new AccountId(id),
              LoadShape.OPENING_BALANCE,
              CODE));
      if (transfers.size() == SETUP_CHUNK || id == shape.accounts()) {
        for (TransferResult result : ledger.submit(transfers).join()) {
          if (!(result instanceof TransferResult.Accepted)) {
            throw new IllegalStateException("cannot fund: " + result);
          }
        }
        transfers.clear();
      }
    }
  }

  /** Reads the committed state back from PostgreSQL, not from the engine's memory. */
  private static Audit audit(Database database, long expectedTransfers) {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      long debits;
      long credits;
      long overdrawn;
      long pending;
      try (ResultSet row =
          statement.executeQuery(
              "SELECT sum(debits_posted), sum(credits_posted), sum(debits_pending) + sum(credits_pending),"
                  + " count(*) FILTER (WHERE flags & 1 = 1 AND debits_posted + debits_pending > credits_posted)"
                  + " FROM ledger_account")) {
        row.next();
        debits = row.getLong(1);
        credits = row.getLong(2);
        pending = row.getLong(3);
        overdrawn = row.getLong(4);
      }
      long stored;
      try (ResultSet row = statement.executeQuery("SELECT count(*) FROM ledger_transfer")) {
        row.next();
        stored = row.getLong(1);
      }
      return Audit.of(
          debits,
          credits,
          overdrawn,
          stored,
          expectedTransfers,
          pending == 0 ? "" : pending + " pending");
    } catch (SQLException e) {
      return new Audit(false, "FAIL: cannot read " + DATABASE + ": " + e.getMessage());
    }
  }

  /** One client thread: sends requests of {@code batch} random transfers and waits for each. */
  private static final class Submitter implements LoadDriver.Worker {
    private final ShardedLedger ledger;
    private final AccountPicker picker;
    private final SplittableRandom random;
    private final String prefix;
    private final int batch;
    private long sequence;

    Submitter(ShardedLedger ledger, AccountPicker picker, int index, int batch) {
      this.ledger = ledger;
      this.picker = picker;
      this.random = new SplittableRandom(index * 7919L + 17);
      this.prefix = "s" + index + "-";
      this.batch = batch;
    }

    @Override
    public void send(Tally outcome) {
      List<TransferRequest> requests = new ArrayList<>(batch);
      for (int i = 0; i < batch; i++) {
        long debit = picker.any(random);
        long credit = picker.partnerOf(debit, random);
        requests.add(
            TransferRequest.posted(
                new TransferId(prefix + sequence++),
                new AccountId(debit),
                new AccountId(credit),
                1 + random.nextInt(LoadShape.AMOUNT_MAX),
                CODE));
      }
      for (TransferResult result : ledger.submit(requests).join()) {
        switch (result) {
          case TransferResult.Accepted accepted when accepted.replayed() ->
              outcome.reject("REPLAYED");
          case TransferResult.Accepted accepted -> outcome.accept();
          case TransferResult.Rejected rejected -> outcome.reject(rejected.reason().name());
        }
      }
    }
  }

  /** Takes the engine's, the machine's and the WAL's counters when the window opens and closes. */
  private final class Window implements LoadDriver.Window {
    private final ShardedLedger ledger;
    private final TimedStore store;
    private Counters opened;
    private Counters closed;

    Window(ShardedLedger ledger, TimedStore store) {
      this.ledger = ledger;
      this.store = store;
    }

    @Override
    public void opened() {
      opened = counters();
    }

    @Override
    public void closed() {
      closed = counters();
    }

    private Counters counters() {
      long batches = 0;
      long transfers = 0;
      long busy = 0;
      for (ShardStatistics statistics : ledger.statistics()) {
        batches += statistics.batches();
        transfers += statistics.transfers();
        busy += statistics.busyNanos();
      }
      return new Counters(
          batches, transfers, busy, store.commitNanos(), MachineUsage.now(), postgres.wal());
    }

    List<String> details(double seconds) {
      long batches = closed.batches - opened.batches;
      long transfers = closed.transfers - opened.transfers;
      double window = seconds * 1e9 * shape.shards();
      double busy = (closed.busyNanos - opened.busyNanos) / window;
      double commit = (closed.commitNanos - opened.commitNanos) / window;
      BenchPostgres.WalCounters wal = closed.wal.minus(opened.wal);
      return List.of(
          String.format(
              "group commits        %,d (%,.0f/s), %,.0f transfers per commit on average",
              batches, batches / seconds, batches == 0 ? 0.0 : (double) transfers / batches),
          String.format(
              "shard threads        busy %.0f%% of the window: store commit %.0f%%, apply and answer %.0f%%",
              100 * busy, 100 * commit, 100 * (busy - commit)),
          String.format(
              "PostgreSQL WAL       %,.1f MB/s, %,.0f flushes/s, %,.0f bytes per committed transfer",
              wal.bytes() / seconds / 1e6,
              wal.syncs() / seconds,
              transfers == 0 ? 0.0 : (double) wal.bytes() / transfers),
          "CPU                  " + closed.machine.since(opened.machine));
    }
  }

  private record Counters(
      long batches,
      long transfers,
      long busyNanos,
      long commitNanos,
      MachineUsage machine,
      BenchPostgres.WalCounters wal) {}
}
