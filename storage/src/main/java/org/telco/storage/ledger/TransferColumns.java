package org.telco.storage.ledger;

import java.util.List;
import org.telco.ledger.Transfer;
import org.telco.storage.EpochMicros;

/** Transfers turned inside out: one array per column, ready to bind for {@code unnest}. */
final class TransferColumns {
  final String[] ids;
  final long[] debits;
  final long[] credits;
  final long[] amounts;
  final String[] pendingIds;
  final int[] flags;
  final long[] timeouts;
  final int[] codes;
  final String[] assets;
  final long[] timestampMicros;

  TransferColumns(List<Transfer> transfers) {
    int n = transfers.size();
    ids = new String[n];
    debits = new long[n];
    credits = new long[n];
    amounts = new long[n];
    pendingIds = new String[n];
    flags = new int[n];
    timeouts = new long[n];
    codes = new int[n];
    assets = new String[n];
    timestampMicros = new long[n];
    for (int i = 0; i < n; i++) {
      Transfer transfer = transfers.get(i);
      ids[i] = transfer.id().value();
      debits[i] = transfer.debitAccountId().value();
      credits[i] = transfer.creditAccountId().value();
      amounts[i] = transfer.amount();
      pendingIds[i] = transfer.pendingId() == null ? null : transfer.pendingId().value();
      flags[i] = LedgerRows.bits(transfer.flags());
      timeouts[i] = transfer.timeoutSeconds();
      codes[i] = transfer.code();
      assets[i] = transfer.asset().name();
      timestampMicros[i] = EpochMicros.of(transfer.timestamp());
    }
  }
}
