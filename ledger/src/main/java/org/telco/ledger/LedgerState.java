package org.telco.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What a {@link Ledger} holds: accounts with their balances, committed transfers by id, the pending
 * transfers with their statuses, and the changes not yet drained. Applies and reverts committed
 * transfers; deciding whether to commit them is {@link TransferDecision}'s job.
 */
final class LedgerState {
  final Map<AccountId, Balances> accounts = new HashMap<>();
  final Map<TransferId, Transfer> transfers = new HashMap<>();
  final PendingTransfers pendings = new PendingTransfers();
  final LedgerChanges changes = new LedgerChanges();

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
    for (Transfer transfer : snapshot.transfers()) {
      if (!accounts.containsKey(transfer.debitAccountId())
          || !accounts.containsKey(transfer.creditAccountId())) {
        throw new IllegalStateException("transfer " + transfer.id() + " names unknown accounts");
      }
      index(transfer, wasExpiry(transfer));
    }
  }

  /**
   * Whether a transfer read back from a snapshot is a void that {@link Ledger#expire} committed: it
   * has an expiry id and code 0, and was committed at or after the pending transfer's expiry time,
   * when no client post or void can succeed any more.
   */
  private boolean wasExpiry(Transfer transfer) {
    if (!transfer.has(TransferFlag.VOID_PENDING)
        || transfer.code() != 0
        || !ExpiryIds.hasExpiryShape(transfer.id())) {
      return false;
    }
    PendingTransfer entry = pendings.get(transfer.pendingId());
    return entry != null && entry.isDue(transfer.timestamp());
  }

  /** Opens an account with zero balances. */
  void open(Account account) {
    accounts.put(account.id(), Balances.of(account));
    changes.opened(account);
  }

  /** Applies a transfer that was decided valid, and records it for the next drain. */
  void commit(Transfer transfer, boolean expiry) {
    long reserved = index(transfer, expiry);
    TransferKind kind = TransferKind.of(transfer.flags());
    Balances debit = accounts.get(transfer.debitAccountId());
    Balances credit = accounts.get(transfer.creditAccountId());
    Balances.move(debit, credit, kind, transfer.amount(), reserved, 1);
    Instant expiresAt =
        kind == TransferKind.PENDING ? pendings.get(transfer.id()).expiresAt() : null;
    changes.committed(transfer, debit, credit, expiresAt);
  }

  /**
   * Records a committed transfer in the indexes and updates pending statuses, without touching
   * balances; returns the amount reserved by the pending transfer it resolves.
   */
  private long index(Transfer transfer, boolean expiry) {
    if (transfers.putIfAbsent(transfer.id(), transfer) != null) {
      throw new IllegalStateException("transfer " + transfer.id() + " committed twice");
    }
    accounts.get(transfer.debitAccountId()).history.add(transfer);
    accounts.get(transfer.creditAccountId()).history.add(transfer);
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
    entry.resolve(status, transfer);
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
      entry.reopen();
    }
    Balances debit = accounts.get(transfer.debitAccountId());
    Balances credit = accounts.get(transfer.creditAccountId());
    Balances.move(debit, credit, kind, transfer.amount(), reserved, -1);
    credit.history.removeLast(transfer);
    debit.history.removeLast(transfer);
    transfers.remove(transfer.id());
  }
}
