package org.telco.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telco.ledger.Account;
import org.telco.ledger.AccountFlag;
import org.telco.ledger.AccountId;
import org.telco.ledger.Asset;
import org.telco.ledger.ForwardingLedgerStore;
import org.telco.ledger.InMemoryLedgerStore;
import org.telco.ledger.Ledger;
import org.telco.ledger.LedgerBatch;
import org.telco.ledger.LedgerSnapshot;
import org.telco.ledger.LedgerStore;
import org.telco.ledger.LedgerStoreException;
import org.telco.ledger.NewAccount;
import org.telco.ledger.TransferId;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.time.SimulatedClock;

/**
 * A seeded run of the engine with faults: random batches of immediate, pending, post, void and
 * linked transfers, store commits that fail at random, expiries, and restarts, on shards holding
 * windows of a few transfers. After every step: every acknowledged transfer is in the store,
 * nothing of a failed batch is, the engine's balances equal the stored ones, and every shard
 * conserves each asset. The seed is in the test name, so a failure replays exactly.
 */
class ShardedLedgerSimulation {
  private static final int ACCOUNTS = 12;
  private static final int STEPS = 400;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 7, 42, 2026, 90210})
  void acknowledgedWorkIsDurableAndFailedWorkLeavesNoTrace(long seed) {
    Random random = new Random(seed);
    SimulatedClock clock = new SimulatedClock(Instant.parse("2026-05-01T00:00:00Z"));
    FaultyStore store = new FaultyStore(new InMemoryLedgerStore(), seed);
    // Windows of a few transfers: retries, posts, voids, expiries and restarts keep naming
    // transfers the shards no longer hold.
    EngineSettings settings =
        EngineSettings.DEFAULT
            .withShardCount(1 + random.nextInt(3))
            .withTransferWindow(1 + random.nextInt(24));
    ShardedLedger ledger = ShardedLedger.start(store, clock, settings);
    Set<TransferId> acknowledged = new HashSet<>();
    List<TransferId> pendings = new ArrayList<>();
    try {
      openAccounts(ledger);
      for (int step = 0; step < STEPS; step++) {
        int action = random.nextInt(100);
        if (action < 5) {
          ledger.close();
          ledger = ShardedLedger.start(store, clock, settings);
        } else if (action < 12) {
          clock.advance(Duration.ofSeconds(random.nextInt(120)));
          if (random.nextBoolean()) {
            expireScheduled(ledger, random, acknowledged);
          } else {
            expireDue(ledger, pendings, acknowledged);
          }
        } else {
          submitRandomBatch(ledger, random, step, pendings, acknowledged, store);
        }
        checkAfterStep(ledger, store, acknowledged);
      }
    } finally {
      ledger.close();
    }
  }

  private static void openAccounts(ShardedLedger ledger) {
    List<NewAccount> accounts = new ArrayList<>();
    for (long id = 1; id <= ACCOUNTS; id++) {
      Set<AccountFlag> flags =
          id <= 3 ? Set.of() : Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
      accounts.add(new NewAccount(acct(id), Asset.CNY_FEN, flags, "sim-" + id));
    }
    while (true) {
      try {
        ledger.open(accounts).join();
        return;
      } catch (CompletionException injected) {
        // A commit fault; opening is idempotent, so try again.
      }
    }
  }

  private static void submitRandomBatch(
      ShardedLedger ledger,
      Random random,
      int step,
      List<TransferId> pendings,
      Set<TransferId> acknowledged,
      FaultyStore store) {
    List<TransferRequest> batch = new ArrayList<>();
    int size = 1 + random.nextInt(6);
    for (int k = 0; k < size; k++) {
      batch.add(randomRequest(random, "t" + step + "-" + k, pendings, ledger.shardCount()));
    }
    List<TransferResult> results = null;
    Set<TransferId> landedBeforeRetry = new HashSet<>();
    while (results == null) {
      try {
        results = ledger.submit(batch).join();
      } catch (CompletionException failed) {
        assertThat(failed).hasCauseInstanceOf(LedgerStoreException.class);
        // Unlinked transfers are independent: another shard's part of this batch may have
        // committed. A client retries with the same ids; what landed must come back replayed.
        for (TransferRequest request : batch) {
          store.transfer(request.id()).ifPresent(landed -> landedBeforeRetry.add(landed.id()));
        }
      }
    }
    for (TransferResult result : results) {
      if (result instanceof TransferResult.Accepted accepted) {
        acknowledged.add(accepted.id());
        assertThat(accepted.replayed())
            .as("%s replayed exactly when it had landed before the retry", accepted.id())
            .isEqualTo(landedBeforeRetry.contains(accepted.id()));
        if (accepted.transfer().has(org.telco.ledger.TransferFlag.PENDING)) {
          pendings.add(accepted.id());
        }
      } else {
        assertThat(landedBeforeRetry).doesNotContain(result.id());
      }
    }
  }

  private static TransferRequest randomRequest(
      Random random, String id, List<TransferId> pendings, int shards) {
    TransferId transferId = new TransferId(id);
    int kind = random.nextInt(10);
    if (kind < 2 && !pendings.isEmpty()) {
      TransferId pending = pendings.get(random.nextInt(pendings.size()));
      return kind == 0
          ? TransferRequest.postPending(transferId, pending, random.nextInt(3) == 0 ? 1 : 0)
          : TransferRequest.voidPending(transferId, pending);
    }
    long debit = 1 + random.nextInt(ACCOUNTS);
    long credit = 1 + random.nextInt(ACCOUNTS);
    if (random.nextInt(4) > 0) {
      credit = sameShard(debit, credit, shards);
    }
    long amount = 1 + random.nextInt(50);
    TransferRequest request =
        kind < 4
            ? TransferRequest.pending(
                transferId, acct(debit), acct(credit), amount, random.nextInt(90), 0)
            : TransferRequest.posted(transferId, acct(debit), acct(credit), amount, 0);
    return random.nextInt(5) == 0 ? request.linked() : request;
  }

  private static long sameShard(long debit, long credit, int shards) {
    long candidate = credit;
    for (int i = 0; i < ACCOUNTS; i++) {
      ShardRouting routing = new ShardRouting(shards);
      if (routing.shardOf(acct(candidate)) == routing.shardOf(acct(debit)) && candidate != debit) {
        return candidate;
      }
      candidate = candidate % ACCOUNTS + 1;
    }
    return credit;
  }

  /** Expires every known pending transfer by name, as a caller or an old timer row does. */
  private static void expireDue(
      ShardedLedger ledger, List<TransferId> pendings, Set<TransferId> acknowledged) {
    for (TransferId pending : pendings) {
      try {
        TransferResult result = ledger.expire(pending).join();
        if (result instanceof TransferResult.Accepted accepted) {
          acknowledged.add(accepted.id());
        }
      } catch (CompletionException injected) {
        // A commit fault; the next expiry round asks again.
      }
    }
  }

  /**
   * Lets the shards expire from their schedules, a few at a time, as a node's timer loop does; a
   * shard whose commit fails expires nothing now and is asked again next round.
   */
  private static void expireScheduled(
      ShardedLedger ledger, Random random, Set<TransferId> acknowledged) {
    List<TransferResult> expired;
    do {
      expired = ledger.expireDue(1 + random.nextInt(3)).join();
      for (TransferResult result : expired) {
        acknowledged.add(result.id());
      }
    } while (!expired.isEmpty());
  }

  private static void checkAfterStep(
      ShardedLedger ledger, FaultyStore store, Set<TransferId> acknowledged) {
    store.pauseFaults(true);
    try {
      ledger.checkInvariants().join();
      for (TransferId id : acknowledged) {
        assertThat(store.transfer(id)).as("acknowledged %s is durable", id).isPresent();
      }
      LedgerSnapshot stored = store.load();
      Ledger rebuilt = Ledger.restore(stored);
      rebuilt.checkInvariants();
      for (Account account : stored.accounts()) {
        Optional<Account> live = ledger.account(account.id()).join();
        assertThat(live).as("engine and store agree on %s", account.id()).contains(account);
      }
    } finally {
      store.pauseFaults(false);
    }
  }

  /** Account number {@code n} of the simulation, spread over three families. */
  private static AccountId acct(long n) {
    return ShardRouting.member(n % 3, (int) n);
  }

  /**
   * The reference store, failing about one first attempt in eight and writing nothing when it does.
   * Whether a commit fails depends only on the seed and the batch's first id, never on which shard
   * thread got there first, so a seed replays the same faults.
   */
  private static final class FaultyStore extends ForwardingLedgerStore {
    private final long seed;
    private final Set<String> failedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean paused;

    FaultyStore(LedgerStore delegate, long seed) {
      super(delegate);
      this.seed = seed;
    }

    void pauseFaults(boolean pause) {
      paused = pause;
    }

    private boolean injectFault(LedgerBatch batch) {
      String key =
          !batch.transfers().isEmpty()
              ? batch.transfers().getFirst().id().value()
              : batch.openedAccounts().isEmpty()
                  ? "empty"
                  : "account-" + batch.openedAccounts().getFirst().id();
      long mixed = (seed * 0x9E3779B97F4A7C15L) ^ key.hashCode();
      return Math.floorMod(mixed, 8) == 0 && failedOnce.add(key);
    }

    @Override
    public void commit(LedgerBatch batch) {
      if (!paused && injectFault(batch)) {
        throw new LedgerStoreException("injected", new IllegalStateException("fsync failed"));
      }
      super.commit(batch);
    }
  }
}
