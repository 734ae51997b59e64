package org.telco.app.credit;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.telco.credit.Advance;
import org.telco.credit.AdvanceStore;
import org.telco.credit.AdvanceTransfers;
import org.telco.credit.TopUpSplit;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.Account;
import org.telco.ledger.LedgerStore;
import org.telco.ledger.Transfer;
import org.telco.ledger.TransferRejection;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.outbox.Outbox;
import org.telco.subscriber.Subscriber;

/**
 * Repays a subscriber's open advance from its money, before anything else is paid: a top-up calls
 * it right after crediting the money, the deadline calls it before defaulting.
 *
 * <p>Each step moves money first and records it second. The step's transfer id names the amount
 * repaid before it ({@link AdvanceTransfers#repay}), so whoever takes a step, a second top-up
 * racing with the first or a retry after a crash between the two writes, lands on the same id: the
 * ledger moves the money once, and the loser reads what the winner moved and records that. The
 * record is a compare-and-set, so a step is recorded once. Steps repeat until the advance is repaid
 * or the money is gone.
 */
public final class AdvanceRepayment {
  /** Steps taken at most per call; each one either repays or meets a racing writer. */
  private static final int STEPS = 16;

  private final AdvanceStore advances;
  private final AdvanceTransfers transfers;
  private final ShardedLedger ledger;
  private final LedgerStore committed;
  private final Outbox outbox;
  private final EmergencyCreditNotices notices;
  private final Clock clock;

  AdvanceRepayment(
      AdvanceStore advances,
      AdvanceTransfers transfers,
      ShardedLedger ledger,
      LedgerStore committed,
      Outbox outbox,
      EmergencyCreditNotices notices,
      Clock clock) {
    this.advances = advances;
    this.transfers = transfers;
    this.ledger = ledger;
    this.committed = committed;
    this.outbox = outbox;
    this.notices = notices;
    this.clock = clock;
  }

  /**
   * Repays what the subscriber's money covers of its open advance, telling the subscriber when some
   * stays owed.
   *
   * @return the open advance as it stands afterwards; empty when none is open any more
   */
  public Optional<Advance> repayFrom(Subscriber subscriber) {
    Optional<Advance> first = advances.open(subscriber.msisdn());
    Optional<Advance> open = first;
    for (int step = 0; step < STEPS && open.isPresent(); step++) {
      Advance advance = open.get();
      Optional<Transfer> landed = committed.transfer(transfers.repayId(advance));
      Moved moved;
      if (landed.isPresent()) {
        // Moved by an attempt that stopped before recording it (a crash): record it now, even
        // when no money is left to move, or the advance would read as owed.
        moved = new Moved(landed.get().amount());
      } else {
        long fen = TopUpSplit.of(available(subscriber), advance.owedFen(), 0).toAdvanceFen();
        if (fen == 0) {
          break;
        }
        moved = move(transfers.repay(subscriber, advance, fen));
      }
      if (moved.amountFen() > 0) {
        advances.update(advance, advance.repay(moved.amountFen(), clock.instant()));
      }
      open = advances.open(subscriber.msisdn());
    }
    if (first.isPresent() && open.isPresent() && open.get().repaidFen() > first.get().repaidFen()) {
      outbox.enqueue(notices.partlyRepaid(first.get(), open.get(), clock.instant()));
    }
    return open;
  }

  /** Moves one step; what landed under its id, or 0 when the money moved away meanwhile. */
  private Moved move(TransferRequest request) {
    TransferResult result = ledger.submit(List.of(request)).join().getFirst();
    return switch (result) {
      case TransferResult.Accepted accepted -> new Moved(accepted.transfer().amount());
      case TransferResult.Rejected rejected
          when rejected.reason() == TransferRejection.EXISTS_WITH_DIFFERENT_FIELDS ->
          new Moved(committed.transfer(request.id()).map(Transfer::amount).orElseThrow());
      case TransferResult.Rejected rejected
          when rejected.reason() == TransferRejection.EXCEEDS_CREDITS ->
          new Moved(0);
      case TransferResult.Rejected rejected ->
          throw new IllegalStateException("repaying " + request.id() + ": " + rejected.reason());
    };
  }

  private long available(Subscriber subscriber) {
    return ledger
        .account(subscriber.moneyAccount())
        .join()
        .map(Account::availableCredit)
        .orElse(0L);
  }

  /** What one step moved. */
  private record Moved(long amountFen) {}
}
