package org.telco.ledger;

import java.util.List;
import java.util.Set;

/**
 * The committed state a ledger is rebuilt from after a restart: every account, and the transfers it
 * needs in memory ({@link LedgerSnapshotBuilder} picks them).
 *
 * @param accounts every account with its committed balances
 * @param transfers the transfers to hold, in commit order
 * @param heldForStatus how many of the first {@code transfers} are there only for a pending
 *     transfer's status (pending transfers still pending, or resolved by a newer one in the list),
 *     older than every other transfer of the list and than some left out: they join no account's
 *     history, which must hold an unbroken run of the newest
 * @param accountsWithOlderTransfers accounts with committed transfers left out of {@code transfers}
 *     or held only for status, whose full history only the store has
 */
public record LedgerSnapshot(
    List<Account> accounts,
    List<Transfer> transfers,
    int heldForStatus,
    Set<AccountId> accountsWithOlderTransfers) {
  /** Freezes the collections. */
  public LedgerSnapshot {
    accounts = List.copyOf(accounts);
    transfers = List.copyOf(transfers);
    accountsWithOlderTransfers = Set.copyOf(accountsWithOlderTransfers);
    if (heldForStatus < 0 || heldForStatus > transfers.size()) {
      throw new IllegalArgumentException("heldForStatus out of range: " + heldForStatus);
    }
  }

  /** A snapshot holding every committed transfer. */
  public LedgerSnapshot(List<Account> accounts, List<Transfer> transfers) {
    this(accounts, transfers, 0, Set.of());
  }
}
