package org.telco.app.porting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.telco.app.subscriber.ArrearsReopening;
import org.telco.credit.Advance;
import org.telco.credit.AdvanceStore;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.Account;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.porting.CreditReport;
import org.telco.porting.PortOutRules;
import org.telco.porting.PortRejection;
import org.telco.porting.PortingHold;
import org.telco.porting.PortingHolds;
import org.telco.porting.PortingNonce;
import org.telco.porting.PortingParties.CreditAnswer;
import org.telco.porting.PortingProof;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.PurposeCode;
import org.telco.subscriber.StateChangeReason;
import org.telco.subscriber.StateChangeResult;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.SubscriberState;
import org.telco.subscriber.SubscriberStore;
import org.telco.subscriber.SubscriberUpdate;
import org.telco.subscriber.SubscriberUpdateResult;
import org.telco.subscriber.TransferIds;
import org.telco.web.PeerClient;

/**
 * The donor's side of a port (flow F4): it authorises a port of one of its numbers by depositing
 * its own result for the terminal's nonce at the clearinghouse, and answers the clearinghouse's
 * credit query. Both check {@link PortOutRules} first, so a locked or freshly swapped number is
 * refused before anything is deposited, and again when asked about credit.
 */
final class DonorDesk {
  private final SubscriberStore subscribers;
  private final PortingHolds holds;
  private final PortOutRules rules;
  private final AdvanceStore advances;
  private final ArrearsReopening arrears;
  private final ShardedLedger ledger;
  private final PeerClient clearinghouse;
  private final SubscriberAccounts accounts;
  private final boolean refundOnPortOut;
  private final Clock clock;

  DonorDesk(
      SubscriberStore subscribers,
      PortingHolds holds,
      PortOutRules rules,
      AdvanceStore advances,
      ArrearsReopening arrears,
      ShardedLedger ledger,
      PeerClient clearinghouse,
      SubscriberAccounts accounts,
      boolean refundOnPortOut,
      Clock clock) {
    this.subscribers = subscribers;
    this.holds = holds;
    this.rules = rules;
    this.advances = advances;
    this.arrears = arrears;
    this.ledger = ledger;
    this.clearinghouse = clearinghouse;
    this.accounts = accounts;
    this.refundOnPortOut = refundOnPortOut;
    this.clock = clock;
  }

  /** Why the number may not port out now; empty when it may. */
  Optional<PortRejection> refusal(Msisdn msisdn) {
    return rules.check(subscribers.find(msisdn), holds.of(msisdn), clock.instant());
  }

  /**
   * Authorises a port of {@code msisdn} for the terminal's {@code nonce}: computes its own result
   * from the stored password key and deposits it at the clearinghouse.
   *
   * @return the refusal, or empty when deposited
   * @throws org.telco.web.PeerCallException when the clearinghouse cannot be reached
   */
  Optional<PortRejection> authorise(Msisdn msisdn, PortingNonce nonce) {
    Optional<PortRejection> refusal = refusal(msisdn);
    if (refusal.isPresent()) {
      return refusal;
    }
    Subscriber subscriber = subscribers.find(msisdn).orElseThrow();
    PortingProof proof = PortingProof.of(subscriber.password(), nonce);
    clearinghouse.post(
        "/api/v1/porting/deposits",
        new ClearinghouseRoutes.DepositJson(msisdn.digits(), nonce.text(), proof.hex()),
        ClearinghouseRoutes.DepositedJson.class);
    return Optional.empty();
  }

  /**
   * The compensation confirmation of a port: the number leaves. The subscriber becomes PORTED_OUT
   * (its status query answers UNKNOWN from then on) and, when the operator refunds on port-out
   * (porting.json), what money it had is paid back to it through payments clearing, under {@code
   * portout-refund:<port id>}, once. Safe to repeat: a number already ported out is left as it is,
   * and the refund's id makes a retry move nothing.
   *
   * @return the money this call refunded (nothing on a repeat)
   */
  long close(String portId, Msisdn msisdn) {
    Subscriber subscriber =
        subscribers
            .find(msisdn)
            .orElseThrow(() -> new IllegalArgumentException("no subscriber " + msisdn));
    long balance =
        ledger.account(subscriber.moneyAccount()).join().map(Account::creditBalance).orElse(0L);
    long refunded = refundOnPortOut && balance > 0 ? refund(portId, subscriber, balance) : 0;
    while (subscriber.state() != SubscriberState.PORTED_OUT) {
      StateChangeResult result = subscriber.change(StateChangeReason.PORTED_OUT, clock.instant());
      if (!(result instanceof StateChangeResult.Changed changed)) {
        throw new IllegalStateException(msisdn + " cannot port out from " + subscriber.state());
      }
      SubscriberUpdate update =
          new SubscriberUpdate(changed.subscriber(), List.of(changed.change()));
      if (subscribers.update(update) instanceof SubscriberUpdateResult.Updated) {
        break;
      }
      subscriber = subscribers.find(msisdn).orElseThrow(); // changed meanwhile: read and try again
    }
    return refunded;
  }

  private long refund(String portId, Subscriber subscriber, long balance) {
    TransferRequest refund =
        TransferRequest.posted(
            TransferIds.of("portout-refund", portId),
            subscriber.moneyAccount(),
            accounts.paymentsClearing(subscriber),
            balance,
            PurposeCode.REFUND.code());
    TransferResult result = ledger.submit(List.of(refund)).join().getFirst();
    if (result instanceof TransferResult.Rejected rejected) {
      throw new IllegalStateException(
          "the port-out refund of " + portId + ": " + rejected.reason());
    }
    return balance;
  }

  /** The answer to the clearinghouse's credit query: a refusal, or what the number owes and has. */
  CreditAnswer creditQuery(Msisdn msisdn) {
    Optional<PortRejection> refusal = refusal(msisdn);
    if (refusal.isPresent()) {
      return new CreditAnswer.Refused(refusal.get());
    }
    Subscriber subscriber = subscribers.find(msisdn).orElseThrow();
    Instant now = clock.instant();
    PortingHold hold = holds.of(msisdn);
    long owedOnAdvances =
        advances.of(msisdn).stream()
            .filter(a -> a.state().isOpen())
            .mapToLong(Advance::owedFen)
            .sum();
    long balance =
        ledger.account(subscriber.moneyAccount()).join().map(Account::creditBalance).orElse(0L);
    return new CreditAnswer.Report(
        new CreditReport(
            msisdn,
            arrears.dueFen(subscriber),
            owedOnAdvances,
            hold.lockInAt(now),
            hold.earlyTerminationAt(now),
            balance,
            Math.max(0, Duration.between(subscriber.createdAt(), now).toDays())));
  }
}
