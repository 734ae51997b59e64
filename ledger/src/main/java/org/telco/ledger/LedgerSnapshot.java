package org.telco.ledger;

import java.util.List;
import java.util.Set;

/**
 * The committed state a ledger is rebuilt from after a restart: every account, and the transfers it
 * needs in memory ({@link LedgerSnapshotBuilder} picks them: the newest, and every pending transfer
 * still pending).
 *
 * @param accounts every account with its committed balances
 * @param transfers the transfers to hold, in commit order
 * @param accountsWithOlderTransfers accounts with committed transfers left out of {@code
 *     transfers}, whose full history only the store has
 */
public record LedgerSnapshot(
    List<Account> accounts, List<Transfer> transfers, Set<AccountId> accountsWithOlderTransfers) {
  /** Freezes the collections. */
  public LedgerSnapshot {
    accounts = List.copyOf(accounts);
    transfers = List.copyOf(transfers);
    accountsWithOlderTransfers = Set.copyOf(accountsWithOlderTransfers);
  }

  /** A snapshot holding every committed transfer. */
  public LedgerSnapshot(List<Account> accounts, List<Transfer> transfers) {
    this(accounts, transfers, Set.of());
  }
}
