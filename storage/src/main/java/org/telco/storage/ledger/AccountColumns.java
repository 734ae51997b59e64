package org.telco.storage.ledger;

import java.util.List;
import org.telco.ledger.Account;
import org.telco.storage.EpochMicros;

/** Accounts turned inside out: one array per column, ready to bind for {@code unnest}. */
final class AccountColumns {
  final long[] ids;
  final String[] assets;
  final int[] flags;
  final String[] names;
  final long[] debitsPending;
  final long[] debitsPosted;
  final long[] creditsPending;
  final long[] creditsPosted;
  final long[] createdMicros;

  AccountColumns(List<Account> accounts) {
    int n = accounts.size();
    ids = new long[n];
    assets = new String[n];
    flags = new int[n];
    names = new String[n];
    debitsPending = new long[n];
    debitsPosted = new long[n];
    creditsPending = new long[n];
    creditsPosted = new long[n];
    createdMicros = new long[n];
    for (int i = 0; i < n; i++) {
      Account account = accounts.get(i);
      ids[i] = account.id().value();
      assets[i] = account.asset().name();
      flags[i] = LedgerRows.bits(account.flags());
      names[i] = account.name();
      debitsPending[i] = account.debitsPending();
      debitsPosted[i] = account.debitsPosted();
      creditsPending[i] = account.creditsPending();
      creditsPosted[i] = account.creditsPosted();
      createdMicros[i] = EpochMicros.of(account.createdAt());
    }
  }
}
