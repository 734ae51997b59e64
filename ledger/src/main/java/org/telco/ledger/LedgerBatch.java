package org.telco.ledger;

import java.util.List;

/**
 * Everything one group commit writes: committed atomically by the store, or not at all.
 *
 * @param openedAccounts accounts opened in the batch, with zero balances
 * @param transfers transfers committed in the batch, in commit order
 * @param balances the touched accounts with their balances after the batch (including the opened
 *     ones if a transfer touched them)
 */
public record LedgerBatch(
    List<Account> openedAccounts, List<Transfer> transfers, List<Account> balances) {

  /** Freezes the lists. */
  public LedgerBatch {
    openedAccounts = List.copyOf(openedAccounts);
    transfers = List.copyOf(transfers);
    balances = List.copyOf(balances);
  }

  /** Whether the batch writes nothing. */
  public boolean isEmpty() {
    return openedAccounts.isEmpty() && transfers.isEmpty() && balances.isEmpty();
  }
}
