package org.telco.ledger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks, from every committed transfer streamed in commit order, those a restarted ledger must
 * hold: the newest {@code window}, every pending transfer still pending, and the pending transfers
 * that those newest ones post or void (so that they get their status back). Memory stays within the
 * window plus the open reservations however long the table is; a store streams its rows through it
 * instead of loading them all.
 */
public final class LedgerSnapshotBuilder {
  private final int window;
  private final List<Account> accounts = new ArrayList<>();
  private final ArrayDeque<Kept> newest = new ArrayDeque<>();
  private final Map<TransferId, Kept> open = new LinkedHashMap<>();
  private final Map<TransferId, Kept> resolvedByNewest = new HashMap<>();
  private final Set<AccountId> accountsWithOlder = new HashSet<>();
  private long ordinal;

  /** A builder keeping the newest {@code window} transfers; at least 1. */
  public LedgerSnapshotBuilder(int window) {
    if (window < 1) {
      throw new IllegalArgumentException("the transfer window must hold at least 1: " + window);
    }
    this.window = window;
  }

  /** Picks from a snapshot that holds every transfer. */
  public static LedgerSnapshot of(LedgerSnapshot full, int window) {
    LedgerSnapshotBuilder builder = new LedgerSnapshotBuilder(window);
    full.accounts().forEach(builder::account);
    full.transfers().forEach(builder::transfer);
    return builder.build();
  }

  /** Adds an account. */
  public void account(Account account) {
    accounts.add(account);
  }

  /** Adds the next committed transfer, in commit order. */
  public void transfer(Transfer transfer) {
    Kept kept = new Kept(ordinal++, transfer);
    TransferKind kind = TransferKind.of(transfer.flags());
    if (kind == TransferKind.PENDING) {
      open.put(transfer.id(), kept);
    } else if (kind.resolvesPending()) {
      Kept pending = open.remove(transfer.pendingId());
      if (pending != null) {
        resolvedByNewest.put(transfer.pendingId(), pending);
      }
    }
    newest.addLast(kept);
    if (newest.size() > window) {
      Transfer gone = newest.pollFirst().transfer();
      if (TransferKind.of(gone.flags()).resolvesPending()) {
        resolvedByNewest.remove(gone.pendingId());
      }
      accountsWithOlder.add(gone.debitAccountId());
      accountsWithOlder.add(gone.creditAccountId());
    }
  }

  /**
   * The snapshot: every account, the transfers picked in commit order, those held only for a
   * pending status first (they are older than all of the newest).
   */
  public LedgerSnapshot build() {
    Map<TransferId, Kept> forStatus = new HashMap<>();
    open.values().forEach(kept -> forStatus.put(kept.transfer().id(), kept));
    resolvedByNewest.values().forEach(kept -> forStatus.put(kept.transfer().id(), kept));
    for (Kept kept : newest) {
      forStatus.remove(kept.transfer().id());
    }
    List<Kept> statusOnly = new ArrayList<>(forStatus.values());
    statusOnly.sort(Comparator.comparingLong(Kept::ordinal));
    List<Transfer> transfers = new ArrayList<>(statusOnly.size() + newest.size());
    statusOnly.forEach(kept -> transfers.add(kept.transfer()));
    newest.forEach(kept -> transfers.add(kept.transfer()));
    return new LedgerSnapshot(accounts, transfers, statusOnly.size(), accountsWithOlder);
  }

  private record Kept(long ordinal, Transfer transfer) {}
}
