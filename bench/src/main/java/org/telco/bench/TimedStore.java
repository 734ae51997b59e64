package org.telco.bench;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.LedgerBatch;
import org.telco.ledger.LedgerSnapshot;
import org.telco.ledger.LedgerStore;
import org.telco.ledger.Transfer;
import org.telco.ledger.TransferId;

/**
 * A {@link LedgerStore} that times its commits, so that a shard's busy time can be split into
 * the store's share (building the statements, PostgreSQL, fsync) and the engine's own
 * (applying in memory, batching, answering).
 */
final class TimedStore implements LedgerStore {
  private final LedgerStore store;
  private final LongAdder commitNanos = new LongAdder();

  TimedStore(LedgerStore store) {
    this.store = store;
  }

  /** Time spent in {@link #commit} so far, summed over the calling threads. */
  long commitNanos() {
    return commitNanos.sum();
  }

  @Override
  public void commit(LedgerBatch batch) {
    long started = System.nanoTime();
    try {
      store.commit(batch);
    } finally {
      commitNanos.add(System.nanoTime() - started);
    }
  }

  @Override
  public LedgerSnapshot load() {
    return store.load();
  }

  @Override
  public Optional<Account> account(AccountId id) {
    return store.account(id);
  }

  @Override
  public Optional<Transfer> transfer(TransferId id) {
    return store.transfer(id);
  }

  @Override
  public List<Transfer> transfersOf(AccountId id, int limit) {
    return store.transfersOf(id, limit);
  }
}
