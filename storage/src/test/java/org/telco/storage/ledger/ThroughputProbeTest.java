package org.telco.storage.ledger;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.telco.ledger.*;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;

/** Throwaway: measures commit throughput. */
class ThroughputProbeTest {
  static final int ACCOUNTS = 200_000;
  static final int BATCH = 10_000;
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456Z");

  @Test
  void probe() throws Exception {
    for (String variant : List.of("split", "split")) {
      run(variant);
    }
  }

  void run(String variant) throws Exception {
    try (Database db = PostgresForTests.freshDatabase()) {
      PgLedgerStore store = new PgLedgerStore(db.dataSource());
      if (variant.endsWith("noseqidx")) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
          s.execute("DROP INDEX ledger_transfer_seq");
        }
      }
      List<Account> accounts = new ArrayList<>();
      for (int i = 1; i <= ACCOUNTS; i++) {
        accounts.add(new Account(new AccountId(i), Asset.CNY_FEN, Set.of(), "subscriber:" + i, 0, 0, 0, 0, T0));
      }
      long a0 = System.nanoTime();
      for (int i = 0; i < ACCOUNTS; i += 20_000) {
        store.commit(new LedgerBatch(accounts.subList(i, i + 20_000), List.of(), List.of(), List.of()));
      }
      long a1 = System.nanoTime();
      System.out.printf("%s: opened %d accounts in %d ms%n", variant, ACCOUNTS, (a1 - a0) / 1_000_000);
      Random random = new Random(42);
      long total = 0;
      int batches = 10;
      for (int b = 0; b < batches; b++) {
        List<Transfer> transfers = new ArrayList<>();
        java.util.Map<Long, Account> balances = new java.util.LinkedHashMap<>();
        List<PendingExpiry> expiries = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
          long debit = 1 + random.nextInt(ACCOUNTS);
          long credit = 1 + random.nextInt(ACCOUNTS);
          if (credit == debit) credit = debit % ACCOUNTS + 1;
          boolean pending = i % 10 == 0;
          TransferId id = new TransferId("b" + b + "-t" + i + "-" + variant.hashCode());
          transfers.add(new Transfer(id, new AccountId(debit), new AccountId(credit), 1 + i,
              null, pending ? Set.of(TransferFlag.PENDING) : Set.of(), pending ? 300 : 0, 7,
              Asset.CNY_FEN, T0.plusNanos(b * 1_000_000_000L + i * 1000L)));
          if (pending) expiries.add(new PendingExpiry(id, T0.plusSeconds(300)));
          balances.put(debit, new Account(new AccountId(debit), Asset.CNY_FEN, Set.of(), "x", i, b, 0, 0, T0));
          balances.put(credit, new Account(new AccountId(credit), Asset.CNY_FEN, Set.of(), "x", 0, 0, i, b, T0));
        }
        LedgerBatch batch = new LedgerBatch(List.of(), transfers, new ArrayList<>(balances.values()), expiries);
        long t0 = System.nanoTime();
        if (variant.startsWith("split")) {
          split(db, batch);
        } else if (variant.startsWith("copy")) {
          commitWithCopy(db, batch);
        } else {
          store.commit(batch);
        }
        long t1 = System.nanoTime();
        total += t1 - t0;
        if (false) System.out.printf("%s: batch %d (%d transfers, %d balances) %d ms%n", variant, b, BATCH, balances.size(), (t1 - t0) / 1_000_000);
      }
      System.out.printf("%s: RESULT %.0f transfers/s%n", variant, batches * BATCH / (total / 1e9));
      System.out.printf("   per batch: transfers server %d ms cpu, client %d ms cpu, %d ms wall; balances server %d ms, client %d ms, %d ms wall; timers+commit server %d ms, %d ms wall%n",
          acc[0] * 10 / batches, acc[1] / batches, acc[2] / batches, acc[3] * 10 / batches, acc[4] / batches, acc[5] / batches, acc[6] * 10 / batches, acc[7] / batches);
      acc = new long[8];
      long l0 = System.nanoTime();
      LedgerSnapshot snapshot = store.load();
      System.out.printf("%s: load %d accounts + %d transfers in %d ms%n", variant,
          snapshot.accounts().size(), snapshot.transfers().size(), (System.nanoTime() - l0) / 1_000_000);
    }
  }

  static long cpuTicks(long pid) throws Exception {
    String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat")).split("\\) ")[1].split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  static long[] acc = new long[8];

  static void split(Database db, LedgerBatch batch) throws Exception {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    try (Connection c = db.dataSource().getConnection()) {
      long pid;
      try (Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) { r.next(); pid = r.getLong(1); }
      c.setAutoCommit(false);
      long s0 = cpuTicks(pid), j0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
      LedgerBatchWriter.write(c, new LedgerBatch(List.of(), batch.transfers(), List.of(), List.of()));
      long s1 = cpuTicks(pid), j1 = mx.getCurrentThreadCpuTime(), t1 = System.nanoTime();
      LedgerBatchWriter.write(c, new LedgerBatch(List.of(), List.of(), batch.balances(), List.of()));
      long s2 = cpuTicks(pid), j2 = mx.getCurrentThreadCpuTime(), t2 = System.nanoTime();
      LedgerBatchWriter.write(c, new LedgerBatch(List.of(), List.of(), List.of(), batch.expiries()));
      c.commit();
      long s3 = cpuTicks(pid), j3 = mx.getCurrentThreadCpuTime(), t3 = System.nanoTime();
      acc[0] += s1 - s0; acc[1] += (j1 - j0) / 1_000_000; acc[2] += (t1 - t0) / 1_000_000;
      acc[3] += s2 - s1; acc[4] += (j2 - j1) / 1_000_000; acc[5] += (t2 - t1) / 1_000_000;
      acc[6] += s3 - s2; acc[7] += (t3 - t2) / 1_000_000;
    }
  }

  /** The same transaction, with the transfers sent by COPY (text format). */
  static void commitWithCopy(Database db, LedgerBatch batch) throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      StringBuilder text = new StringBuilder(batch.transfers().size() * 100);
      for (Transfer t : batch.transfers()) {
        text.append(t.id().value()).append('\t')
            .append(t.debitAccountId().value()).append('\t')
            .append(t.creditAccountId().value()).append('\t')
            .append(t.amount()).append('\t')
            .append(t.pendingId() == null ? "\\N" : t.pendingId().value()).append('\t')
            .append(LedgerRows.bits(t.flags())).append('\t')
            .append(t.timeoutSeconds()).append('\t')
            .append(t.code()).append('\t')
            .append(t.asset().name()).append('\t')
            .append(t.timestamp().toString()).append('\n');
      }
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      copy.copyIn("COPY ledger_transfer (id, debit_account_id, credit_account_id, amount, pending_id, flags, timeout_seconds, code, asset, ts) FROM STDIN",
          new StringReader(text.toString()));
      // Balances and timers exactly as the store writes them.
      LedgerBatch rest = new LedgerBatch(List.of(), List.of(), batch.balances(), batch.expiries());
      LedgerBatchWriter.write(c, rest);
      c.commit();
    }
  }
}
