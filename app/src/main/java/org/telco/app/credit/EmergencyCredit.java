package org.telco.app.credit;

import io.helidon.webserver.http.HttpRouting;
import java.time.Clock;
import java.util.Map;
import org.telco.app.subscriber.ArrearsReopening;
import org.telco.credit.AdvanceStore;
import org.telco.credit.AdvanceTransfers;
import org.telco.credit.EmergencyCreditPolicy;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.LedgerStore;
import org.telco.outbox.Outbox;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.SubscriberStore;
import org.telco.time.TimerHandler;
import org.telco.time.TimerStore;
import org.telco.web.Endpoints;

/**
 * Flow F1, emergency credit in arrears, wired for one operator: the offer and deadline timers, the
 * repayment a top-up runs first, and the API. docs/emergency-credit.md tells the story.
 */
public final class EmergencyCredit {
  private final EmergencyCreditPolicy policy;
  private final SubscriberStore subscribers;
  private final AdvanceStore advances;
  private final OfferTimers offerTimers;
  private final AdvanceRepayment repayment;
  private final EmergencyCreditOffers offers;
  private final AdvanceDeadlines deadlines;

  /** Emergency credit over one operator's stores, ledger, outbox and timers. */
  public EmergencyCredit(
      OperatorProfile profile,
      EmergencyCreditPolicy policy,
      SubscriberStore subscribers,
      AdvanceStore advances,
      SubscriberAccounts accounts,
      ShardedLedger ledger,
      LedgerStore committed,
      Outbox outbox,
      TimerStore timers,
      ArrearsReopening reopening,
      Clock clock) {
    this.policy = policy;
    this.subscribers = subscribers;
    this.advances = advances;
    this.offerTimers = new OfferTimers(timers, policy);
    AdvanceTransfers transfers = new AdvanceTransfers(accounts);
    EmergencyCreditNotices notices = new EmergencyCreditNotices(profile, policy.quietHours());
    this.repayment =
        new AdvanceRepayment(advances, transfers, ledger, committed, outbox, notices, clock);
    this.offers =
        new EmergencyCreditOffers(
            subscribers,
            advances,
            new Lending(transfers, ledger),
            outbox,
            offerTimers,
            notices,
            clock);
    this.deadlines =
        new AdvanceDeadlines(advances, subscribers, repayment, reopening, outbox, notices, clock);
  }

  /** The handlers of the offer and deadline timers, for the node's poller. */
  public Map<String, TimerHandler> timerHandlers() {
    return Map.of(OfferTimers.OFFER, offers, OfferTimers.DEADLINE, deadlines);
  }

  /** Where the fee run schedules the offers of the numbers it bars. */
  public OfferTimers offerTimers() {
    return offerTimers;
  }

  /** What a top-up runs first: repaying the open advance. */
  public AdvanceRepayment repayment() {
    return repayment;
  }

  /** Registers {@code /subscribers/{msisdn}/advances} and {@code /emergency-credit/summary}. */
  public void register(HttpRouting.Builder routing, Endpoints endpoints) {
    routing.register(
        "/api/v1", new EmergencyCreditRoutes(advances, subscribers, policy, endpoints));
  }
}
