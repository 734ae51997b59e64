package org.telco.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The pending transfers a ledger holds, by id, with their statuses: every one still pending, and
 * resolved ones while they or their resolutions are in the ledger's window.
 *
 * <p>It also keeps the <b>expiry schedule</b>: the pending transfers still pending that have a
 * timeout, earliest first. The ledger expires them from it ({@link Ledger#expireDue}) instead of
 * asking its store for a durable timer per reservation: a charging node makes two reservations per
 * request and settles nearly all of them within seconds, and a timer row for each cost a write when
 * the reservation was made and a firing, long after it had been settled. The schedule needs no
 * storage of its own: a pending transfer's timeout is in its row, and a restore rebuilds the
 * schedule from the pending transfers still pending.
 */
final class PendingTransfers {
  private static final Comparator<PendingTransfer> DUE_ORDER =
      Comparator.comparing(PendingTransfer::expiresAt)
          .thenComparing(entry -> entry.transfer().id());

  private final Map<TransferId, PendingTransfer> byId = new HashMap<>();
  private final NavigableSet<PendingTransfer> schedule = new TreeSet<>(DUE_ORDER);

  /** The pending transfer with this id, or null when there is none. */
  PendingTransfer get(TransferId id) {
    return byId.get(id);
  }

  /** Starts tracking a newly committed pending transfer, and schedules its expiry if it has one. */
  PendingTransfer add(Transfer pending) {
    PendingTransfer entry = new PendingTransfer(pending);
    if (byId.putIfAbsent(pending.id(), entry) != null) {
      throw new IllegalStateException("pending transfer " + pending.id() + " added twice");
    }
    schedule(entry);
    return entry;
  }

  /** Forgets a pending transfer: its linked chain was rolled back, or it ended long ago. */
  void remove(TransferId id) {
    PendingTransfer entry = byId.remove(id);
    if (entry != null && entry.expiresAt() != null) {
      schedule.remove(entry);
    }
  }

  /** Takes a pending transfer out of PENDING, and off the schedule. */
  void resolve(PendingTransfer entry, PendingStatus status, Transfer by) {
    entry.resolve(status, by);
    if (entry.expiresAt() != null) {
      schedule.remove(entry);
    }
  }

  /**
   * Puts a pending transfer back to PENDING (its resolving chain was rolled back), and on the
   * schedule.
   */
  void reopen(PendingTransfer entry) {
    entry.reopen();
    schedule(entry);
  }

  private void schedule(PendingTransfer entry) {
    if (entry.expiresAt() != null) {
      schedule.add(entry);
    }
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

  /**
   * At most {@code max} pending transfers still pending whose timeout has passed at {@code now},
   * earliest first.
   */
  List<Transfer> due(Instant now, int max) {
    List<Transfer> due = new ArrayList<>();
    for (PendingTransfer entry : schedule) {
      if (due.size() == max || !entry.isDue(now)) {
        break;
      }
      due.add(entry.transfer());
    }
    return due;
  }

  /**
   * Checks that the schedule holds exactly the pending transfers still pending that have a timeout.
   *
   * @throws IllegalStateException if it does not
   */
  void checkSchedule() {
    long expected =
        byId.values().stream()
            .filter(e -> e.status() == PendingStatus.PENDING && e.expiresAt() != null)
            .count();
    for (PendingTransfer entry : schedule) {
      if (entry.status() != PendingStatus.PENDING || byId.get(entry.transfer().id()) != entry) {
        throw new IllegalStateException(
            "the expiry schedule holds " + entry.transfer().id() + ", which is " + entry.status());
      }
    }
    if (schedule.size() != expected) {
      throw new IllegalStateException(
          "the expiry schedule holds "
              + schedule.size()
              + " pending transfers, but "
              + expected
              + " are pending with a timeout");
    }
  }

  /**
   * The expiry schedule: every pending transfer still pending that has a timeout, earliest first.
   */
  List<PendingExpiry> scheduledExpiries() {
    List<PendingExpiry> expiries = new ArrayList<>(schedule.size());
    for (PendingTransfer entry : schedule) {
      expiries.add(new PendingExpiry(entry.transfer().id(), entry.expiresAt()));
    }
    return expiries;
  }
}
