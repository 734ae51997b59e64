package org.telco.ledger;

import java.util.List;

/**
 * The committed state a ledger is rebuilt from after a restart.
 *
 * @param accounts every account with its committed balances
 * @param transfers every committed transfer, in commit order
 */
public record LedgerSnapshot(List<Account> accounts, List<Transfer> transfers) {
  /** Freezes the lists. */
  public LedgerSnapshot {
    accounts = List.copyOf(accounts);
    transfers = List.copyOf(transfers);
  }
}
