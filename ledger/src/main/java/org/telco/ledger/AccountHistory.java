package org.telco.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The transfers that touched one account and are still in the ledger's window of recent transfers,
 * oldest first. The shard that owns the account answers history queries from here, so the database
 * needs no per-account index on the hot write path. A circular buffer: transfers leave the window
 * oldest first, and a rolled-back chain takes its newest entries back.
 *
 * <p>Once one of the account's transfers has left the window (or was never loaded into it), {@link
 * #olderInStore()} says so, and a query for more than is held here must go to the store.
 */
final class AccountHistory {
  private static final Transfer[] EMPTY = new Transfer[0];

  private Transfer[] transfers = EMPTY;
  private int head;
  private int size;
  private boolean olderInStore;

  void add(Transfer transfer) {
    if (size == transfers.length) {
      grow();
    }
    transfers[(head + size) % transfers.length] = transfer;
    size++;
  }

  /** Removes the newest entry, which must be {@code transfer}: rollbacks go newest first. */
  void removeLast(Transfer transfer) {
    int last = (head + size - 1) % Math.max(1, transfers.length);
    if (size == 0 || transfers[last] != transfer) {
      throw new IllegalStateException("history rollback out of order at " + transfer.id());
    }
    transfers[last] = null;
    size--;
  }

  /**
   * Removes the oldest entry, which must be {@code transfer}: the window lets transfers go in
   * commit order, which is the order each account's history holds them in.
   */
  void removeOldest(Transfer transfer) {
    if (size == 0 || transfers[head] != transfer) {
      throw new IllegalStateException("history eviction out of order at " + transfer.id());
    }
    transfers[head] = null;
    head = (head + 1) % transfers.length;
    size--;
    olderInStore = true;
    if (size == 0) {
      transfers = EMPTY;
      head = 0;
    }
  }

  /** Notes that the account has transfers older than any held here. */
  void markOlderInStore() {
    olderInStore = true;
  }

  /** Whether some of the account's transfers are only in the store. */
  boolean olderInStore() {
    return olderInStore;
  }

  /** How many transfers are held here. */
  int size() {
    return size;
  }

  /** Up to {@code limit} of the transfers held here, newest first. */
  List<Transfer> newest(int limit) {
    int count = Math.min(limit, size);
    List<Transfer> result = new ArrayList<>(count);
    for (int i = size - 1; i >= size - count; i--) {
      result.add(transfers[(head + i) % transfers.length]);
    }
    return result;
  }

  private void grow() {
    Transfer[] larger = new Transfer[Math.max(4, size * 2)];
    for (int i = 0; i < size; i++) {
      larger[i] = transfers[(head + i) % transfers.length];
    }
    Arrays.fill(transfers, null);
    transfers = larger;
    head = 0;
  }
}
