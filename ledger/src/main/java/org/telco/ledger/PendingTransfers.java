package org.telco.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every pending transfer a ledger has committed, by id, with its status. */
final class PendingTransfers {
  private final Map<TransferId, PendingTransfer> byId = new HashMap<>();

  /** The pending transfer with this id, or null when there is none. */
  PendingTransfer get(TransferId id) {
    return byId.get(id);
  }

  /** Starts tracking a newly committed pending transfer. */
  PendingTransfer add(Transfer pending) {
    PendingTransfer entry = new PendingTransfer(pending);
    if (byId.putIfAbsent(pending.id(), entry) != null) {
      throw new IllegalStateException("pending transfer " + pending.id() + " added twice");
    }
    return entry;
  }

  /** Forgets a pending transfer whose linked chain was rolled back. */
  void remove(TransferId id) {
    byId.remove(id);
  }

  /** The timers of every pending transfer that is still pending and has a timeout. */
  List<PendingExpiry> scheduledExpiries() {
    List<PendingExpiry> expiries = new ArrayList<>();
    for (PendingTransfer entry : byId.values()) {
      if (entry.status() == PendingStatus.PENDING && entry.expiresAt() != null) {
        expiries.add(new PendingExpiry(entry.transfer().id(), entry.expiresAt()));
      }
    }
    expiries.sort(
        (a, b) -> {
          int byDue = a.dueAt().compareTo(b.dueAt());
          return byDue != 0 ? byDue : a.pendingId().compareTo(b.pendingId());
        });
    return expiries;
  }
}
