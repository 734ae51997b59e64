package org.telco.app.credit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.telco.app.credit.EmergencyCreditOffers.Figures;
import org.telco.app.credit.EmergencyCreditOffers.Offer;
import org.telco.credit.AdvanceState;
import org.telco.credit.AdvanceTransfers;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.time.Timer;

/**
 * The ledger side of granting advances, a batch at a time: reading each number's money and arrears,
 * moving the advances, then paying from money what is due. All reads of a batch are issued before
 * the first is awaited, and a batch's advances and settlements go in one submit, so one group
 * commit writes each account once; an advance that only pays what is due does not touch money.
 */
final class Lending {
  private static final Logger LOG = Logger.getLogger(Lending.class.getName());

  private final AdvanceTransfers transfers;
  private final ShardedLedger ledger;

  Lending(AdvanceTransfers transfers, ShardedLedger ledger) {
    this.transfers = transfers;
    this.ledger = ledger;
  }

  /** Each offer's money and arrears as they stand now, read in one command per shard. */
  Map<Offer, Figures> figures(List<Offer> offers) {
    List<AccountId> ids = new ArrayList<>(offers.size() * 2);
    for (Offer offer : offers) {
      ids.add(offer.subscriber.moneyAccount());
      ids.add(offer.subscriber.arrearsAccount());
    }
    List<Optional<Account>> accounts = offers.isEmpty() ? List.of() : ledger.accounts(ids).join();
    Map<Offer, Figures> figures = new HashMap<>();
    for (int i = 0; i < offers.size(); i++) {
      long available = accounts.get(2 * i).map(Account::availableCredit).orElse(0L);
      long due = accounts.get(2 * i + 1).map(a -> a.debitsPosted() - a.creditsPosted()).orElse(0L);
      figures.put(offers.get(i), new Figures(available, due));
    }
    return figures;
  }

  /**
   * Moves every recorded advance and pays what is due from money, in one submit. An advance that
   * all goes to the overdue fee ({@link org.telco.credit.Advance#coveredFen()} is its amount) is
   * paid straight to arrears ({@link AdvanceTransfers#advanceToArrears}), one transfer that leaves
   * the money account alone. Any other advance goes to money and is followed by its settlement,
   * figured from {@code before} (money plus the advance, up to what is due), which is what reading
   * the accounts right after the advance would give: the ledger applies a submit in order and
   * nothing runs between two of its transfers, so the money is there.
   *
   * <p>Whatever that cannot settle is figured again from the accounts as they now stand and paid in
   * a second submit: a settlement the ledger refused (the figures moved since {@code before} was
   * read), an advance without figures from before it (an offer resumed after a crash, whose advance
   * may have landed already), and money a number had besides an advance paid to arrears. An advance
   * to arrears the ledger refuses (less is due by now, or it landed to money before) goes to money
   * instead, under the same id, so it lands once in one of the two forms.
   *
   * @param before each offer's money and arrears as read before its advance, where known
   * @return the timers of offers whose advance the ledger refused, to try again later
   */
  List<Timer> lend(List<Offer> offers, Map<Offer, Figures> before) {
    List<TransferRequest> requests = new ArrayList<>(offers.size() * 2);
    int[] advanceAt = new int[offers.size()];
    Map<Offer, Integer> settleAt = new HashMap<>();
    for (int i = 0; i < offers.size(); i++) {
      Offer offer = offers.get(i);
      advanceAt[i] = requests.size();
      if (toArrears(offer)) {
        requests.add(transfers.advanceToArrears(offer.subscriber, offer.advance));
        continue;
      }
      requests.add(transfers.advance(offer.subscriber, offer.advance));
      Figures figures = before.get(offer);
      if (figures != null && offer.advance.state() == AdvanceState.OUTSTANDING) {
        long fen = Math.min(figures.availableFen() + offer.advance.amountFen(), figures.dueFen());
        if (fen > 0) {
          settleAt.put(offer, requests.size());
          requests.add(transfers.settle(offer.subscriber, offer.advance, fen));
        }
      }
    }
    List<TransferResult> results = submit(requests);
    List<Timer> failed = new ArrayList<>();
    List<Offer> toMoney = new ArrayList<>();
    List<Offer> unsettled = new ArrayList<>();
    for (int i = 0; i < offers.size(); i++) {
      Offer offer = offers.get(i);
      Integer settled = settleAt.get(offer);
      Figures figures = before.get(offer);
      if (results.get(advanceAt[i]) instanceof TransferResult.Rejected rejected) {
        if (toArrears(offer)) {
          toMoney.add(offer);
        } else {
          refused(offer, rejected, failed);
        }
      } else if (offer.advance.state() != AdvanceState.OUTSTANDING) {
        continue;
      } else if (toArrears(offer)) {
        if (figures == null || figures.availableFen() > 0) {
          unsettled.add(offer);
        }
      } else if (settled == null
          ? figures == null
          : results.get(settled) instanceof TransferResult.Rejected) {
        unsettled.add(offer);
      }
    }
    lendToMoney(toMoney, unsettled, failed);
    settle(unsettled);
    return failed;
  }

  /** Whether the offer's advance all pays what was due when it was granted. */
  private static boolean toArrears(Offer offer) {
    return offer.advance.coveredFen() == offer.advance.amountFen();
  }

  /**
   * Moves advances to money whose transfer to arrears was refused; the outstanding ones join {@code
   * unsettled}, to pay what is due from money.
   */
  private void lendToMoney(List<Offer> offers, List<Offer> unsettled, List<Timer> failed) {
    List<TransferRequest> requests = new ArrayList<>(offers.size());
    for (Offer offer : offers) {
      requests.add(transfers.advance(offer.subscriber, offer.advance));
    }
    List<TransferResult> results = submit(requests);
    for (int i = 0; i < offers.size(); i++) {
      Offer offer = offers.get(i);
      if (results.get(i) instanceof TransferResult.Rejected rejected) {
        refused(offer, rejected, failed);
      } else if (offer.advance.state() == AdvanceState.OUTSTANDING) {
        unsettled.add(offer);
      }
    }
  }

  /**
   * The advance's id and fields come from its record, so a refusal, even "exists with other
   * fields", means it did not land as recorded: the offer is tried again, and says nothing.
   */
  private static void refused(Offer offer, TransferResult.Rejected rejected, List<Timer> failed) {
    LOG.warning(() -> "advance " + rejected.id() + " refused: " + rejected.reason());
    failed.add(offer.timer);
  }

  /**
   * Pays what is due from money, advance included. A refusal (the figures moved meanwhile, or an
   * earlier firing settled already) leaves the rest to the next top-up.
   */
  private void settle(List<Offer> lent) {
    Map<Offer, Figures> figures = figures(lent);
    List<TransferRequest> settles = new ArrayList<>();
    for (Offer offer : lent) {
      Figures now = figures.get(offer);
      long fen = Math.min(now.availableFen(), now.dueFen());
      if (fen > 0) {
        settles.add(transfers.settle(offer.subscriber, offer.advance, fen));
      }
    }
    for (TransferResult result : submit(settles)) {
      if (result instanceof TransferResult.Rejected rejected) {
        LOG.fine(
            () -> "settling " + rejected.id() + " left to the next top-up: " + rejected.reason());
      }
    }
  }

  private List<TransferResult> submit(List<TransferRequest> requests) {
    return requests.isEmpty() ? List.of() : ledger.submit(requests).join();
  }
}
