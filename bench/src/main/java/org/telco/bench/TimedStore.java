package org.telco.bench;

import java.util.concurrent.atomic.LongAdder;
import org.telco.ledger.ForwardingLedgerStore;
import org.telco.ledger.LedgerBatch;
import org.telco.ledger.LedgerStore;

/**
 * A {@link LedgerStore} that times its commits, so that a shard's busy time can be split into the
 * store's share (building the statements, PostgreSQL, fsync) and the engine's own (applying in
 * memory, batching, answering).
 */
final class TimedStore extends ForwardingLedgerStore {
  private final LongAdder commitNanos = new LongAdder();

  TimedStore(LedgerStore store) {
    super(store);
  }

  /** Time spent in {@link #commit} so far, summed over the calling threads. */
  long commitNanos() {
    return commitNanos.sum();
  }

  @Override
  public void commit(LedgerBatch batch) {
    long started = System.nanoTime();
    try {
      super.commit(batch);
    } finally {
      commitNanos.add(System.nanoTime() - started);
    }
  }
}
