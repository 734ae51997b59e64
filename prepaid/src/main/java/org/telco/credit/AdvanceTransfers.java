package org.telco.credit;

import org.telco.ledger.TransferId;
import org.telco.ledger.TransferRequest;
import org.telco.subscriber.PurposeCode;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.TransferIds;

/**
 * The ledger transfers of emergency credit. An advance moves money from the operator's
 * emergency-credit account on the subscriber's shard to the subscriber's money account, or, when
 * all of it pays what is due, straight to the arrears account; a repayment moves it from money
 * back. Ids are deterministic, so a retried step moves the money once:
 *
 * <ul>
 *   <li>{@code advance:<advance id>} for the advance itself, in either form: the two share the id,
 *       so at most one of them ever lands;
 *   <li>{@code advance-settle:<advance id>} for what of the money, advance included, paid what was
 *       due when it was granted;
 *   <li>{@code advance-repay:<advance id>:<repaid before>} for a repayment: the amount already
 *       repaid names the step, so two top-ups racing for the same step collide in the ledger and
 *       the loser learns what the winner moved, instead of both repaying.
 * </ul>
 */
public final class AdvanceTransfers {
  private final SubscriberAccounts accounts;

  /** Transfers over an operator's accounts. */
  public AdvanceTransfers(SubscriberAccounts accounts) {
    this.accounts = accounts;
  }

  /** The advance: emergency credit to money. */
  public TransferRequest advance(Subscriber subscriber, Advance advance) {
    return TransferRequest.posted(
        TransferIds.of("advance", advance.id()),
        accounts.emergencyCredit(subscriber),
        subscriber.moneyAccount(),
        advance.amountFen(),
        PurposeCode.ADVANCE.code());
  }

  /**
   * The advance paid straight to what is due: emergency credit to arrears, for an advance that all
   * goes to the overdue fee ({@link Advance#coveredFen()} is its whole amount). It ends as the
   * advance to money followed by its settlement would, with one transfer instead of two and the
   * money account untouched. The arrears account refuses it when less than the advance is due.
   */
  public TransferRequest advanceToArrears(Subscriber subscriber, Advance advance) {
    return TransferRequest.posted(
        TransferIds.of("advance", advance.id()),
        accounts.emergencyCredit(subscriber),
        subscriber.arrearsAccount(),
        advance.amountFen(),
        PurposeCode.ADVANCE.code());
  }

  /** Pays {@code fen} of what is due from money, right after the advance: money to arrears. */
  public TransferRequest settle(Subscriber subscriber, Advance advance, long fen) {
    return TransferRequest.posted(
        TransferIds.of("advance-settle", advance.id()),
        subscriber.moneyAccount(),
        subscriber.arrearsAccount(),
        fen,
        PurposeCode.ARREARS_SETTLED.code());
  }

  /** The id of the next repayment step of {@code advance}: it names the amount repaid before it. */
  public TransferId repayId(Advance advance) {
    return TransferIds.of("advance-repay", advance.id(), Long.toString(advance.repaidFen()));
  }

  /**
   * The next repayment of {@code advance}, of {@code fen}: money back to emergency credit.
   *
   * @throws IllegalArgumentException when {@code fen} is not 1..what is owed
   */
  public TransferRequest repay(Subscriber subscriber, Advance advance, long fen) {
    if (fen <= 0 || fen > advance.owedFen()) {
      throw new IllegalArgumentException("repay 1.." + advance.owedFen() + ", not " + fen);
    }
    return TransferRequest.posted(
        repayId(advance),
        subscriber.moneyAccount(),
        accounts.emergencyCredit(subscriber),
        fen,
        PurposeCode.ADVANCE_REPAID.code());
  }
}
