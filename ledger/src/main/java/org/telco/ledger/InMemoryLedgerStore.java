package org.telco.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reference {@link LedgerStore}: plain maps behind one lock. It defines the behaviour every
 * durable store must match (the contract suite runs against it) and serves tests and demos that
 * need no database.
 */
public final class InMemoryLedgerStore implements LedgerStore {
  private final Map<AccountId, Account> accounts = new LinkedHashMap<>();
  private final Map<TransferId, Transfer> transfers = new HashMap<>();
  private final List<Transfer> log = new ArrayList<>();
  private final Map<TransferId, Transfer> resolutions = new HashMap<>();

  @Override
  public synchronized LedgerSnapshot load() {
    return new LedgerSnapshot(new ArrayList<>(accounts.values()), log);
  }

  /**
   * Checks the whole batch first and writes only when it is sound, so a refused batch leaves
   * nothing behind.
   */
  @Override
  public synchronized void commit(LedgerBatch batch) {
    check(batch);
    for (Account account : batch.openedAccounts()) {
      accounts.put(account.id(), account);
    }
    for (Transfer transfer : batch.transfers()) {
      transfers.put(transfer.id(), transfer);
      log.add(transfer);
      if (transfer.pendingId() != null) {
        resolutions.put(transfer.pendingId(), transfer);
      }
    }
    for (Account balances : batch.balances()) {
      Account stored = accounts.get(balances.id());
      accounts.put(
          stored.id(),
          new Account(
              stored.id(),
              stored.asset(),
              stored.flags(),
              stored.name(),
              balances.debitsPending(),
              balances.debitsPosted(),
              balances.creditsPending(),
              balances.creditsPosted(),
              stored.createdAt()));
    }
  }

  private void check(LedgerBatch batch) {
    Set<AccountId> opened = new HashSet<>();
    for (Account account : batch.openedAccounts()) {
      if (accounts.containsKey(account.id()) || !opened.add(account.id())) {
        throw new LedgerStoreException("account " + account.id() + " is already open");
      }
    }
    Set<TransferId> committed = new HashSet<>();
    for (Transfer transfer : batch.transfers()) {
      if (transfers.containsKey(transfer.id()) || !committed.add(transfer.id())) {
        throw new LedgerStoreException("transfer " + transfer.id() + " is already committed");
      }
      requireAccount(transfer.debitAccountId(), opened);
      requireAccount(transfer.creditAccountId(), opened);
    }
    for (Account balances : batch.balances()) {
      requireAccount(balances.id(), opened);
    }
  }

  private void requireAccount(AccountId id, Set<AccountId> opened) {
    if (!accounts.containsKey(id) && !opened.contains(id)) {
      throw new LedgerStoreException("account " + id + " is not open");
    }
  }

  @Override
  public synchronized Optional<Account> account(AccountId id) {
    return Optional.ofNullable(accounts.get(id));
  }

  @Override
  public synchronized Optional<Transfer> transfer(TransferId id) {
    return Optional.ofNullable(transfers.get(id));
  }

  @Override
  public synchronized Optional<Transfer> resolutionOf(TransferId pendingId) {
    return Optional.ofNullable(resolutions.get(pendingId));
  }
}
