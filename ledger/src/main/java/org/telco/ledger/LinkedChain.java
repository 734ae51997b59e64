package org.telco.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * The linked chain a submission is in the middle of: where it started, the transfers it has applied
 * so far (to undo them if a later member fails) and where the change buffers stood when it opened.
 * One instance is reused across chains.
 */
final class LinkedChain {
  private final List<Transfer> applied = new ArrayList<>();
  private int start = -1;
  private boolean failed;
  private LedgerChanges.Mark mark;

  /** Whether a chain is open. */
  boolean isOpen() {
    return start >= 0;
  }

  /** Whether the open chain has already failed. */
  boolean failed() {
    return failed;
  }

  /** Index of the chain's first request. */
  int start() {
    return start;
  }

  /** Opens a chain whose first request is at {@code index}. */
  void open(int index, LedgerChanges.Mark changesMark) {
    start = index;
    failed = false;
    mark = changesMark;
    applied.clear();
  }

  /** Remembers a transfer the chain committed, in order. */
  void applied(Transfer transfer) {
    applied.add(transfer);
  }

  /**
   * Marks the chain failed and hands back what it applied, newest first, for the caller to undo;
   * later members are then answered without being applied.
   */
  List<Transfer> fail() {
    failed = true;
    List<Transfer> undo = new ArrayList<>(applied.size());
    for (int i = applied.size() - 1; i >= 0; i--) {
      undo.add(applied.get(i));
    }
    applied.clear();
    return undo;
  }

  /** Where the change buffers stood when the chain opened. */
  LedgerChanges.Mark mark() {
    return mark;
  }

  /** Ends the chain, whether it succeeded or failed. */
  void close() {
    start = -1;
    failed = false;
    mark = null;
    applied.clear();
  }
}
