package org.telco.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The transfers that touched one account, oldest first. The shard that owns the account answers
 * history queries from here, so the database needs no per-account index on the hot write path.
 */
final class AccountHistory {
  private static final Transfer[] EMPTY = new Transfer[0];

  private Transfer[] transfers = EMPTY;
  private int size;

  void add(Transfer transfer) {
    if (size == transfers.length) {
      transfers = Arrays.copyOf(transfers, Math.max(4, size * 2));
    }
    transfers[size++] = transfer;
  }

  /** Removes the newest entry, which must be {@code transfer}: rollbacks go newest first. */
  void removeLast(Transfer transfer) {
    if (size == 0 || transfers[size - 1] != transfer) {
      throw new IllegalStateException("history rollback out of order at " + transfer.id());
    }
    transfers[--size] = null;
  }

  /** Up to {@code limit} transfers, newest first. */
  List<Transfer> newest(int limit) {
    int count = Math.min(limit, size);
    List<Transfer> result = new ArrayList<>(count);
    for (int i = size - 1; i >= size - count; i--) {
      result.add(transfers[i]);
    }
    return result;
  }
}
