package org.telco.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where committed ledger state is kept (port). The ledger itself decides everything in memory; the
 * store only has to make a batch durable atomically and give it back after a restart. {@link
 * InMemoryLedgerStore} is the reference implementation; every implementation passes the same
 * contract suite.
 *
 * <p>Implementations may be called from several shard threads at once, each with batches touching
 * disjoint accounts.
 */
public interface LedgerStore {
  /** Loads all committed accounts and transfers, transfers in commit order. */
  LedgerSnapshot load();

  /**
   * Loads what a ledger holding the newest {@code window} transfers needs ({@link
   * LedgerSnapshotBuilder}). The default picks from {@link #load()}; a store with many transfers
   * streams them through the builder instead, so a restart never holds them all.
   */
  default LedgerSnapshot load(int window) {
    return LedgerSnapshotBuilder.of(load(), window);
  }

  /**
   * Makes the whole batch durable, or nothing of it, before returning. A batch that reuses a
   * committed transfer id or account id fails; a ledger whose window no longer held the transfer
   * behind a reused id learns of it this way (the engine's shard then recalls it and applies the
   * batch again).
   *
   * @throws LedgerStoreException when the batch could not be written; nothing was written
   */
  void commit(LedgerBatch batch);

  /** An account as last committed. */
  Optional<Account> account(AccountId id);

  /** A transfer as committed. */
  Optional<Transfer> transfer(TransferId id);

  /** The committed post, void or expiry of pending transfer {@code pendingId}, if any. */
  default Optional<Transfer> resolutionOf(TransferId pendingId) {
    for (Transfer transfer : load().transfers()) {
      if (pendingId.equals(transfer.pendingId())) {
        return Optional.of(transfer);
      }
    }
    return Optional.empty();
  }

  /**
   * Up to {@code limit} of the committed transfers that debited or credited the account, newest
   * first: the history a ledger no longer holds in full.
   */
  default List<Transfer> transfersOf(AccountId id, int limit) {
    List<Transfer> all = load().transfers();
    List<Transfer> newest = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0 && newest.size() < limit; i--) {
      Transfer transfer = all.get(i);
      if (transfer.debitAccountId().equals(id) || transfer.creditAccountId().equals(id)) {
        newest.add(transfer);
      }
    }
    return newest;
  }

  /**
   * The committed transfers among {@code ids}, in any order; ids never committed are left out.
   * Batch jobs use it to learn in one round trip what an interrupted run already decided.
   */
  default List<Transfer> transfers(Collection<TransferId> ids) {
    List<Transfer> found = new ArrayList<>();
    for (TransferId id : ids) {
      transfer(id).ifPresent(found::add);
    }
    return found;
  }
}
