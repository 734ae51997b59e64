package org.telco.storage.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.telco.ledger.*;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;

/** Throwaway: measures commit throughput of PgLedgerStore. */
class ThroughputProbeTest {
  static final int ACCOUNTS_PER_SHARD = 100_000;
  static final int BATCH = 10_000;
  static final int BATCHES = 10;
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456Z");

  @Test
  void probe() throws Exception {
    for (int shards : new int[] {1, 2, 1, 2}) {
      run(shards);
    }
  }

  void run(int shards) throws Exception {
    try (Database db = PostgresForTests.freshDatabase()) {
      PgLedgerStore store = new PgLedgerStore(db.dataSource());
      for (int s = 0; s < shards; s++) {
        List<Account> accounts = new ArrayList<>();
        for (int i = 1; i <= ACCOUNTS_PER_SHARD; i++) {
          accounts.add(new Account(new AccountId(s * 1_000_000L + i), Asset.CNY_FEN, Set.of(), "subscriber:" + i, 0, 0, 0, 0, T0));
        }
        for (int i = 0; i < ACCOUNTS_PER_SHARD; i += 20_000) {
          store.commit(new LedgerBatch(accounts.subList(i, i + 20_000), List.of(), List.of(), List.of()));
        }
      }
      List<List<LedgerBatch>> work = new ArrayList<>();
      for (int s = 0; s < shards; s++) {
        work.add(batches(s, new Random(42 + s)));
      }
      ExecutorService pool = Executors.newFixedThreadPool(shards);
      long t0 = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (List<LedgerBatch> batches : work) {
        futures.add(pool.submit(() -> batches.forEach(store::commit)));
      }
      for (Future<?> f : futures) f.get();
      long elapsed = System.nanoTime() - t0;
      pool.shutdown();
      System.out.printf("PROBE %d shard(s): %d transfers in %d ms = %.0f transfers/s%n",
          shards, shards * BATCHES * BATCH, elapsed / 1_000_000, shards * BATCHES * BATCH / (elapsed / 1e9));
      long l0 = System.nanoTime();
      LedgerSnapshot snapshot = store.load();
      System.out.printf("PROBE load %d accounts + %d transfers in %d ms%n",
          snapshot.accounts().size(), snapshot.transfers().size(), (System.nanoTime() - l0) / 1_000_000);
    }
  }

  static List<LedgerBatch> batches(int shard, Random random) {
    List<LedgerBatch> result = new ArrayList<>();
    long base = shard * 1_000_000L;
    for (int b = 0; b < BATCHES; b++) {
      List<Transfer> transfers = new ArrayList<>();
      Map<Long, Account> balances = new LinkedHashMap<>();
      List<PendingExpiry> expiries = new ArrayList<>();
      for (int i = 0; i < BATCH; i++) {
        long debit = base + 1 + random.nextInt(ACCOUNTS_PER_SHARD);
        long credit = base + 1 + random.nextInt(ACCOUNTS_PER_SHARD);
        if (credit == debit) credit = debit == base + 1 ? base + 2 : base + 1;
        boolean pending = i % 10 == 0;
        TransferId id = new TransferId("s" + shard + "-b" + b + "-t" + i + "-0123456789");
        transfers.add(new Transfer(id, new AccountId(debit), new AccountId(credit), 1 + i,
            null, pending ? Set.of(TransferFlag.PENDING) : Set.of(), pending ? 300 : 0, 7,
            Asset.CNY_FEN, T0.plusNanos(b * 1_000_000_000L + i * 1000L)));
        if (pending) expiries.add(new PendingExpiry(id, T0.plusSeconds(300)));
        balances.put(debit, new Account(new AccountId(debit), Asset.CNY_FEN, Set.of(), "x", i, b, 0, 0, T0));
        balances.put(credit, new Account(new AccountId(credit), Asset.CNY_FEN, Set.of(), "x", 0, 0, i, b, T0));
      }
      result.add(new LedgerBatch(List.of(), transfers, new ArrayList<>(balances.values()), expiries));
    }
    return result;
  }
}
