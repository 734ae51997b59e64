package org.telco.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.Ledger;
import org.telco.ledger.LedgerBatch;
import org.telco.ledger.LedgerStore;
import org.telco.ledger.Transfer;
import org.telco.ledger.TransferId;

/**
 * A single writer over one slice of the accounts. Its thread takes commands in arrival order,
 * applies as many as are waiting (up to a batch limit) to its in-memory {@link Ledger}, commits
 * their combined changes in one store transaction, and only then answers them. Reads at the head of
 * a batch, before its first change, are answered as soon as they are applied: they can only have
 * seen committed state, and need not wait a commit they have no part in. Nobody else touches its
 * ledger, so no locks are needed and no update is lost.
 *
 * <p>If the commit fails, the in-memory ledger is ahead of the database: the shard fails every
 * command of the batch and rebuilds its ledger from the store before going on. One failure is
 * mended instead: the store refusing transfer ids it committed long ago, which the ledger took for
 * new because they had left its window of recent transfers (see {@link #commit}). The window is
 * trimmed only after a commit, so a batch's own transfers stay held until they are durable.
 */
final class Shard implements Runnable {
  private static final Logger LOG = Logger.getLogger(Shard.class.getName());

  /** Applications of one batch at most when the store keeps finding reused ids. */
  private static final int REAPPLY_ROUNDS_MAX = 3;

  /** Pause before trying again to rebuild a ledger the store could not give back. */
  private static final long REBUILD_RETRY_MILLIS = 500;

  private final int index;
  private final LedgerStore store;
  private final Clock clock;
  private final Supplier<Ledger> reload;
  private final EngineSettings settings;
  private final BlockingQueue<ShardCommand<?>> queue;
  private final ShardStatistics statistics = new ShardStatistics();
  private volatile boolean running = true;
  private Ledger ledger;

  /**
   * The committed balances of the accounts someone follows ({@link LedgerCommands.Follow}),
   * readable from any thread without a turn in the queue. Only this shard's thread writes it: when
   * a follow is answered, and after each commit, before that batch's answers; a rebuild empties it.
   */
  private final ConcurrentHashMap<AccountId, Account> followed = new ConcurrentHashMap<>();

  Shard(
      int index,
      Ledger ledger,
      LedgerStore store,
      Clock clock,
      Supplier<Ledger> reload,
      EngineSettings settings) {
    this.index = index;
    this.ledger = ledger;
    this.store = store;
    this.clock = clock;
    this.reload = reload;
    this.settings = settings;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
  }

  /** Queues a command, waiting while the queue is full (back-pressure on submitters). */
  <R> ShardCommand<R> enqueue(ShardCommand<R> command) {
    if (!running) {
      command.fail(new IllegalStateException("shard " + index + " is stopped"));
      return command;
    }
    try {
      queue.put(command);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      command.fail(e);
    }
    return command;
  }

  @Override
  public void run() {
    List<ShardCommand<?>> batch = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        ShardCommand<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        int weight = first.weight();
        while (weight < settings.batchWeightMax()) {
          ShardCommand<?> next = queue.poll();
          if (next == null) {
            break;
          }
          batch.add(next);
          weight += next.weight();
        }
        process(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      } catch (RuntimeException | Error e) {
        // A bug, or the heap running out: fail what is unanswered, rebuild, keep serving.
        LOG.log(Level.SEVERE, "shard " + index + " failed a batch; rebuilding from the store", e);
        batch.forEach(command -> command.fail(e));
        rebuild();
      } finally {
        batch.clear();
      }
    }
    failRemaining();
  }

  private void process(List<ShardCommand<?>> batch) throws InterruptedException {
    long started = System.nanoTime();
    if (ledger == null && !rebuild()) {
      IllegalStateException unavailable =
          new IllegalStateException("shard " + index + " cannot read its ledger from the store");
      batch.forEach(command -> command.fail(unavailable));
      Thread.sleep(REBUILD_RETRY_MILLIS);
      return;
    }
    // Microseconds are what the store keeps: an answer then reads the same before and after
    // a restart.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    int answered = 0;
    LedgerBatch committed;
    try {
      for (int i = 0; i < batch.size(); i++) {
        ShardCommand<?> command = batch.get(i);
        command.apply(ledger, now);
        if (answered == i && command.readsOnly()) {
          // Nothing of this batch has changed the ledger yet: the read saw committed state only.
          command.acknowledge();
          answered++;
        }
      }
      committed = commit(ledger.drainChanges(), batch.subList(answered, batch.size()), now);
    } catch (RuntimeException e) {
      // A refused commit, or a store read that failed while a command was applied.
      LOG.log(Level.SEVERE, "shard " + index + " batch failed; rebuilding from the store", e);
      for (ShardCommand<?> command : batch.subList(answered, batch.size())) {
        command.fail(e);
      }
      rebuild();
      return;
    }
    publish(committed);
    for (ShardCommand<?> command : batch.subList(answered, batch.size())) {
      command.acknowledge();
    }
    ledger.trimWindow();
    statistics.recordBatch(batch.size(), committed.transfers().size(), System.nanoTime() - started);
  }

  /**
   * Replaces the in-memory ledger with one rebuilt from the store. When the store cannot be read
   * (the usual reason a commit failed), the shard holds no ledger and fails what it is asked until
   * a later attempt succeeds, rather than serving from memory that may be ahead of the store.
   */
  private boolean rebuild() {
    followed.clear();
    try {
      ledger = reload.get();
      return true;
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "shard " + index + " cannot rebuild its ledger from the store", e);
      ledger = null;
      return false;
    }
  }

  /**
   * Commits what the batch changed, and returns what was committed. When the store refuses it
   * because some of its transfer ids were committed long ago (a retry after the transfer left the
   * window), the shard takes the batch back in memory, holds those transfers again and applies the
   * waiting commands once more: the reused ids are then answered as retries (or as reused with
   * different fields), and the rest is committed as before. Any other failure is thrown.
   */
  private LedgerBatch commit(LedgerBatch changes, List<ShardCommand<?>> waiting, Instant now) {
    LedgerBatch attempt = changes;
    for (int round = 1; !attempt.isEmpty(); round++) {
      try {
        store.commit(attempt);
        return attempt;
      } catch (RuntimeException refused) {
        List<Transfer> reused = round < REAPPLY_ROUNDS_MAX ? storedUnder(attempt, refused) : null;
        if (reused == null || reused.isEmpty()) {
          throw refused;
        }
        ledger.undo(attempt);
        if (reused.size() == attempt.transfers().size() && landed(attempt)) {
          // Its answer was lost, not the commit: only a rebuild from the store is safe.
          throw refused;
        }
        LOG.info(
            () ->
                "shard %d: %d transfer ids of a batch were committed long ago; applying it again"
                    .formatted(index, reused.size()));
        ledger.recall(reused);
        for (ShardCommand<?> command : waiting) {
          command.apply(ledger, now);
        }
        attempt = ledger.drainChanges();
      }
    }
    return attempt;
  }

  /** The transfers the store holds under the batch's ids; empty when it cannot tell. */
  private List<Transfer> storedUnder(LedgerBatch refusedBatch, RuntimeException refused) {
    List<TransferId> ids = new ArrayList<>(refusedBatch.transfers().size());
    refusedBatch.transfers().forEach(transfer -> ids.add(transfer.id()));
    try {
      return store.transfers(ids);
    } catch (RuntimeException unreadable) {
      refused.addSuppressed(unreadable);
      return List.of();
    }
  }

  /**
   * Whether a refused batch, every id of which the store holds, was committed after all. A commit
   * is all or nothing, so either it landed or every id was reused; the balances tell which: the
   * store has the batch's for every account it touched, and the batch moved at least one of them
   * from what the ledger, the batch taken back, holds now. A batch that moved nothing cannot be
   * told apart, and needs no rebuild either way: its transfers are recalled as they are stored.
   */
  private boolean landed(LedgerBatch batch) {
    boolean moved = false;
    for (Account after : batch.balances()) {
      Optional<Account> stored = store.account(after.id());
      if (stored.isEmpty() || !sameBalances(stored.get(), after)) {
        return false;
      }
      Optional<Account> before = ledger.account(after.id());
      moved |= before.isEmpty() || !sameBalances(before.get(), after);
    }
    return moved;
  }

  private static boolean sameBalances(Account a, Account b) {
    return a.debitsPending() == b.debitsPending()
        && a.debitsPosted() == b.debitsPosted()
        && a.creditsPending() == b.creditsPending()
        && a.creditsPosted() == b.creditsPosted();
  }

  /** Brings the followed accounts that a commit changed up to date. */
  private void publish(LedgerBatch batch) {
    if (followed.isEmpty()) {
      return;
    }
    for (Account account : batch.balances()) {
      followed.replace(account.id(), account);
    }
  }

  /** Publishes an account's committed balances from now on; on this shard's thread only. */
  void follow(Account account) {
    followed.put(account.id(), account);
  }

  /** A followed account's balances as last committed, or null when nobody follows it. */
  Account committedBalance(AccountId id) {
    return followed.get(id);
  }

  private void failRemaining() {
    ShardCommand<?> left;
    while ((left = queue.poll()) != null) {
      left.fail(new IllegalStateException("shard " + index + " stopped"));
    }
  }

  /** Asks the thread to finish the queued commands and stop. */
  void stop() {
    running = false;
  }

  int index() {
    return index;
  }

  ShardStatistics statistics() {
    return statistics;
  }
}
