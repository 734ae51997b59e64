package org.telco.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pending transfers a ledger holds, by id, with their statuses: every one still pending, and
 * resolved ones while they or their resolutions are in the ledger's window.
 */
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

  /** Forgets a pending transfer: its linked chain was rolled back, or it ended long ago. */
  void remove(TransferId id) {
    byId.remove(id);
  }

  /** The ids of the pending transfers still pending. */
  List<TransferId> openIds() {
    List<TransferId> open = new ArrayList<>();
    for (PendingTransfer entry : byId.values()) {
      if (entry.status() == PendingStatus.PENDING) {
        open.add(entry.transfer().id());
      }
    }
    return open;
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
