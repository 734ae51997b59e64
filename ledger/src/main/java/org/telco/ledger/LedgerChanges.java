package org.telco.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * What a ledger changed since its last drain: the content of the next {@link LedgerBatch}. A linked
 * chain takes a {@link Mark} when it opens and cuts the buffers back to it when it is rolled back,
 * so rolled-back members never reach the store.
 */
final class LedgerChanges {
  private final List<Account> opened = new ArrayList<>();
  private final List<Transfer> transfers = new ArrayList<>();
  private final List<Balances> touched = new ArrayList<>();

  /**
   * The sizes of the buffers at one moment.
   *
   * @param transfers how many transfers were buffered
   * @param touched how many accounts were touched
   */
  record Mark(int transfers, int touched) {}

  /** Records an account opened with zero balances. */
  void opened(Account account) {
    opened.add(account);
  }

  /** Records a committed transfer and the accounts it touched. */
  void committed(Transfer transfer, Balances debit, Balances credit) {
    transfers.add(transfer);
    touch(debit);
    touch(credit);
  }

  private void touch(Balances account) {
    if (!account.touched) {
      account.touched = true;
      touched.add(account);
    }
  }

  /** The current sizes of the buffers, to roll back to. */
  Mark mark() {
    return new Mark(transfers.size(), touched.size());
  }

  /** Drops everything recorded after {@code mark}, except opened accounts. */
  void rollBackTo(Mark mark) {
    transfers.subList(mark.transfers(), transfers.size()).clear();
    List<Balances> untouched = touched.subList(mark.touched(), touched.size());
    for (Balances account : untouched) {
      account.touched = false;
    }
    untouched.clear();
  }

  /** Everything recorded so far, with current balances; empties the buffers. */
  LedgerBatch drain() {
    List<Account> balances = new ArrayList<>(touched.size());
    for (Balances account : touched) {
      balances.add(account.snapshot());
      account.touched = false;
    }
    LedgerBatch batch = new LedgerBatch(opened, transfers, balances);
    opened.clear();
    transfers.clear();
    touched.clear();
    return batch;
  }
}
