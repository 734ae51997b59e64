package org.telco.ledger;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link Ledger} holds: accounts with their balances, the <b>window</b> of the newest
 * committed transfers by id, the pending transfers with their statuses, and the changes not yet
 * drained. Applies and reverts committed transfers; deciding whether to commit them is {@link
 * TransferDecision}'s job.
 *
 * <p>Memory is bounded by the window, not by the ledger's age: a charging node commits thousands of
 * transfers a second, and holding every one (about 300 bytes each) would fill any heap within
 * minutes and make a restart load the whole table. When the window is full, the oldest transfer
 * leaves it: its id, its place in its accounts' histories, and, once the pending transfer and its
 * resolution have both left, the pending entry. Pending transfers still pending never leave. What
 * left is still in the store, and {@link Recall} finds it there when a request needs it.
 */
final class LedgerState {
  final Map<AccountId, Balances> accounts = new HashMap<>();
  final Map<TransferId, Transfer> transfers = new HashMap<>();
  final PendingTransfers pendings = new PendingTransfers();
  final LedgerChanges changes = new LedgerChanges();
  private final ArrayDeque<Transfer> window = new ArrayDeque<>();

  /** Held by id (in the window) but in no history: recalled, or kept only for a pending status. */
  private final Set<TransferId> outsideHistories = new HashSet<>();

  private final int windowSize;

  LedgerState(int windowSize) {
    if (windowSize < 1) {
      throw new IllegalArgumentException("the transfer window must hold at least 1: " + windowSize);
    }
    this.windowSize = windowSize;
  }

  /**
   * Loads committed state: balances as stored, never re-applied; transfers indexed in commit order,
   * so that posts, voids and expiries give every pending transfer its status again.
   */
  void load(LedgerSnapshot snapshot) {
    for (Account account : snapshot.accounts()) {
      if (accounts.putIfAbsent(account.id(), Balances.of(account)) != null) {
        throw new IllegalStateException("snapshot holds account " + account.id() + " twice");
      }
    }
    List<Transfer> transfers = snapshot.transfers();
    for (int i = 0; i < transfers.size(); i++) {
      Transfer transfer = transfers.get(i);
      if (!accounts.containsKey(transfer.debitAccountId())
          || !accounts.containsKey(transfer.creditAccountId())) {
        throw new IllegalStateException("transfer " + transfer.id() + " names unknown accounts");
      }
      boolean forStatusOnly = i < snapshot.heldForStatus();
      if (forStatusOnly) {
        outsideHistories.add(transfer.id());
      }
      index(transfer, wasExpiry(transfer), !forStatusOnly);
    }
    snapshot.accountsWithOlderTransfers().forEach(this::markOlderInStore);
    evictBeyondWindow();
  }

  /**
   * Whether a transfer read back from a snapshot is a void that {@link Ledger#expire} committed: it
   * has an expiry id and code 0, and was committed at or after the pending transfer's expiry time,
   * when no client post or void can succeed any more.
   */
  private boolean wasExpiry(Transfer transfer) {
    if (!transfer.has(TransferFlag.VOID_PENDING)) {
      return false;
    }
    PendingTransfer entry = pendings.get(transfer.pendingId());
    return entry != null
        && Resolutions.statusOf(entry.transfer(), transfer) == PendingStatus.EXPIRED;
  }

  /** Opens an account with zero balances. */
  void open(Account account) {
    accounts.put(account.id(), Balances.of(account));
    changes.opened(account);
  }

  /** Applies a transfer that was decided valid, and records it for the next drain. */
  void commit(Transfer transfer, boolean expiry) {
    long reserved = index(transfer, expiry, true);
    TransferKind kind = TransferKind.of(transfer.flags());
    Balances debit = accounts.get(transfer.debitAccountId());
    Balances credit = accounts.get(transfer.creditAccountId());
    Balances.move(debit, credit, kind, transfer.amount(), reserved, 1);
    changes.committed(transfer, debit, credit);
  }

  /**
   * Records a committed transfer in the indexes and updates pending statuses, without touching
   * balances; returns the amount reserved by the pending transfer it resolves.
   */
  private long index(Transfer transfer, boolean expiry, boolean inHistories) {
    if (transfers.putIfAbsent(transfer.id(), transfer) != null) {
      throw new IllegalStateException("transfer " + transfer.id() + " committed twice");
    }
    if (inHistories) {
      accounts.get(transfer.debitAccountId()).history.add(transfer);
      accounts.get(transfer.creditAccountId()).history.add(transfer);
    }
    window.addLast(transfer);
    TransferKind kind = TransferKind.of(transfer.flags());
    if (kind == TransferKind.PENDING) {
      pendings.add(transfer);
    }
    if (!kind.resolvesPending()) {
      return 0;
    }
    PendingTransfer entry = pendings.get(transfer.pendingId());
    if (entry == null) {
      throw new IllegalStateException(
          "transfer " + transfer.id() + " resolves unknown " + transfer.pendingId());
    }
    PendingStatus status =
        kind == TransferKind.POST_PENDING
            ? PendingStatus.POSTED
            : expiry ? PendingStatus.EXPIRED : PendingStatus.VOIDED;
    pendings.resolve(entry, status, transfer);
    return entry.reserved();
  }

  /**
   * Undoes {@link #commit} for a member of a failed linked chain, newest first. The caller cuts the
   * change buffers back separately.
   */
  void revert(Transfer transfer) {
    TransferKind kind = TransferKind.of(transfer.flags());
    long reserved = 0;
    if (kind == TransferKind.PENDING) {
      pendings.remove(transfer.id());
    } else if (kind.resolvesPending()) {
      PendingTransfer entry = pendings.get(transfer.pendingId());
      reserved = entry.reserved();
      pendings.reopen(entry);
    }
    Balances debit = accounts.get(transfer.debitAccountId());
    Balances credit = accounts.get(transfer.creditAccountId());
    Balances.move(debit, credit, kind, transfer.amount(), reserved, -1);
    credit.history.removeLast(transfer);
    debit.history.removeLast(transfer);
    if (window.peekLast() != transfer) {
      throw new IllegalStateException("window rollback out of order at " + transfer.id());
    }
    window.pollLast();
    transfers.remove(transfer.id());
  }

  /**
   * Takes back a drained batch that the store refused, newest transfer first, then the accounts it
   * opened: the state is again what the store holds. Nothing may have left the window since the
   * batch was applied (the window is trimmed only after a commit), so each transfer is still the
   * newest entry of the window and of its histories.
   */
  void undo(LedgerBatch refused) {
    List<Transfer> applied = refused.transfers();
    for (int i = applied.size() - 1; i >= 0; i--) {
      revert(applied.get(i));
    }
    for (Account opened : refused.openedAccounts()) {
      accounts.remove(opened.id());
    }
  }

  /**
   * Holds transfers found in the store, which left the window long ago, so that requests reusing
   * their ids are answered as retries. They join the window's newest end and leave with it; they
   * are not put back into histories, which hold each account's transfers in commit order.
   */
  void recall(Iterable<Transfer> found) {
    for (Transfer transfer : found) {
      if (transfers.putIfAbsent(transfer.id(), transfer) == null) {
        outsideHistories.add(transfer.id());
        window.addLast(transfer);
        // Their accounts' histories do not show them: let history queries go to the store.
        markOlderInStore(transfer.debitAccountId());
        markOlderInStore(transfer.creditAccountId());
      }
    }
  }

  private void markOlderInStore(AccountId id) {
    Balances account = accounts.get(id);
    if (account != null) {
      account.history.markOlderInStore();
    }
  }

  /** How many transfers the window holds now. */
  int windowed() {
    return window.size();
  }

  /**
   * Lets the oldest transfers leave until the window holds no more than its size. Only for
   * transfers the store holds: a shard calls it after each commit, so until then a batch's
   * transfers are all held (a retry inside the batch is a replay) and can all be undone.
   */
  void evictBeyondWindow() {
    while (window.size() > windowSize) {
      Transfer oldest = window.pollFirst();
      transfers.remove(oldest.id());
      if (!outsideHistories.remove(oldest.id())) {
        accounts.get(oldest.debitAccountId()).history.removeOldest(oldest);
        accounts.get(oldest.creditAccountId()).history.removeOldest(oldest);
      }
      forgetResolvedPending(oldest);
    }
  }

  /**
   * Drops the entry of the pending transfer that {@code gone} created or resolved, once the pending
   * transfer is resolved and neither it nor its resolution is in the window any more.
   */
  private void forgetResolvedPending(Transfer gone) {
    TransferKind kind = TransferKind.of(gone.flags());
    TransferId pendingId =
        kind == TransferKind.PENDING ? gone.id() : kind.resolvesPending() ? gone.pendingId() : null;
    if (pendingId == null) {
      return;
    }
    PendingTransfer entry = pendings.get(pendingId);
    if (entry == null || entry.status() == PendingStatus.PENDING) {
      return;
    }
    if (!transfers.containsKey(pendingId) && !transfers.containsKey(entry.resolution().id())) {
      pendings.remove(pendingId);
    }
  }
}
