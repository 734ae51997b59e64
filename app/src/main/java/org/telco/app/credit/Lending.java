package org.telco.app.credit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.telco.app.credit.EmergencyCreditOffers.Figures;
import org.telco.app.credit.EmergencyCreditOffers.Offer;
import org.telco.credit.AdvanceState;
import org.telco.credit.AdvanceTransfers;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.Account;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.time.Timer;

/**
 * The ledger side of granting advances, a batch at a time: reading each number's money and arrears,
 * moving the advances, then paying from money what is due. All reads of a batch are issued before
 * the first is awaited, and a batch's advances and settlements go in one submit, so one group
 * commit writes each money account once.
 */
final class Lending {
  private static final Logger LOG = Logger.getLogger(Lending.class.getName());

  private final AdvanceTransfers transfers;
  private final ShardedLedger ledger;

  Lending(AdvanceTransfers transfers, ShardedLedger ledger) {
    this.transfers = transfers;
    this.ledger = ledger;
  }

  /** Each offer's money and arrears as they stand now. */
  Map<Offer, Figures> figures(List<Offer> offers) {
    List<CompletableFuture<java.util.Optional<Account>>> money = new ArrayList<>(offers.size());
    List<CompletableFuture<java.util.Optional<Account>>> arrears = new ArrayList<>(offers.size());
    for (Offer offer : offers) {
      money.add(ledger.account(offer.subscriber.moneyAccount()));
      arrears.add(ledger.account(offer.subscriber.arrearsAccount()));
    }
    Map<Offer, Figures> figures = new HashMap<>();
    for (int i = 0; i < offers.size(); i++) {
      long available = money.get(i).join().map(Account::availableCredit).orElse(0L);
      long due = arrears.get(i).join().map(a -> a.debitsPosted() - a.creditsPosted()).orElse(0L);
      figures.put(offers.get(i), new Figures(available, due));
    }
    return figures;
  }

  /**
   * Moves every recorded advance to its subscriber and pays what is due from money, in one submit:
   * each advance is followed by its settlement, figured from {@code before} (money plus the
   * advance, up to what is due), which is what reading the accounts right after the advance would
   * give. The ledger applies a submit in order and nothing runs between two of its transfers, so
   * the money is there. A settlement it refuses (the figures moved since {@code before} was read)
   * is figured again from the accounts as they now stand and tried once more, as is every advance
   * without figures from before it (an offer resumed after a crash, whose advance may have landed
   * already). An advance the ledger has already is not moved again.
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
    List<Offer> unsettled = new ArrayList<>();
    for (int i = 0; i < offers.size(); i++) {
      Offer offer = offers.get(i);
      Integer settled = settleAt.get(offer);
      // The advance's id and fields come from its record, so a refusal, even "exists with other
      // fields", means it did not land as recorded: the offer is tried again, and says nothing.
      if (results.get(advanceAt[i]) instanceof TransferResult.Rejected rejected) {
        LOG.warning(() -> "advance " + rejected.id() + " refused: " + rejected.reason());
        failed.add(offer.timer);
      } else if (offer.advance.state() != AdvanceState.OUTSTANDING) {
        continue;
      } else if (settled == null
          ? !before.containsKey(offer)
          : results.get(settled) instanceof TransferResult.Rejected) {
        unsettled.add(offer);
      }
    }
    settle(unsettled);
    return failed;
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
