package org.telco.ledger;

import java.util.Optional;

/**
 * Where a ledger finds committed transfers that have left its window of recent transfers: the
 * store. Asked only when a request names something the window does not hold: a post or void of a
 * pending transfer that is no longer held (it can only have been resolved long ago, since pending
 * transfers still pending never leave), or the retry of such a post or void. Each answer is a read
 * of the store on the shard's thread, so it must stay rare: that is what the window is sized for.
 */
public interface Recall {
  /** Recalls nothing: for a ledger that has never let a transfer go, or has no store. */
  Recall NOTHING =
      new Recall() {
        @Override
        public Optional<Transfer> transfer(TransferId id) {
          return Optional.empty();
        }

        @Override
        public Optional<Transfer> resolutionOf(TransferId pendingId) {
          return Optional.empty();
        }
      };

  /** A committed transfer. */
  Optional<Transfer> transfer(TransferId id);

  /** The committed post, void or expiry of a pending transfer, if it has one. */
  Optional<Transfer> resolutionOf(TransferId pendingId);

  /** Recalls from {@code store}. */
  static Recall from(LedgerStore store) {
    return new Recall() {
      @Override
      public Optional<Transfer> transfer(TransferId id) {
        return store.transfer(id);
      }

      @Override
      public Optional<Transfer> resolutionOf(TransferId pendingId) {
        return store.resolutionOf(pendingId);
      }
    };
  }
}
