package org.telco.app.payment;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.telco.app.subscriber.LifecycleNotices;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.TransferRejection;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.payment.Payment;
import org.telco.payment.PaymentProvider;
import org.telco.payment.PaymentRequest;
import org.telco.payment.PaymentResult;
import org.telco.payment.PaymentRules;
import org.telco.payment.PaymentStore;
import org.telco.payment.PaymentTransfers;
import org.telco.payment.ProviderDecision;
import org.telco.payment.Verdict;
import org.telco.subscriber.StateChangeReason;
import org.telco.subscriber.StateChangeResult;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberState;
import org.telco.subscriber.SubscriberStore;
import org.telco.subscriber.SubscriberUpdate;
import org.telco.subscriber.SubscriberUpdateResult;
import org.telco.web.Problem;
import org.telco.web.Reply;

/**
 * A top-up, following the flow of docs/prepaid.md: judge, capture with the provider, record, then
 * move the money in the ledger (top-up, then settle what is due) and re-open a number barred for
 * arrears once nothing is due. Every step is idempotent, so the same payment id sent again, or
 * after a crash, finishes the payment instead of paying twice. The API and the demo data both pay
 * through here.
 */
public final class TopUps {
  private final SubscriberStore subscribers;
  private final PaymentStore payments;
  private final PaymentProvider provider;
  private final PaymentRules rules;
  private final PaymentTransfers transfers;
  private final ShardedLedger ledger;
  private final LifecycleNotices notices;
  private final Clock clock;

  /** Top-ups over one operator's stores and ledger engine. */
  public TopUps(
      SubscriberStore subscribers,
      PaymentStore payments,
      PaymentProvider provider,
      PaymentRules rules,
      PaymentTransfers transfers,
      ShardedLedger ledger,
      LifecycleNotices notices,
      Clock clock) {
    this.subscribers = subscribers;
    this.payments = payments;
    this.provider = provider;
    this.rules = rules;
    this.transfers = transfers;
    this.ledger = ledger;
    this.notices = notices;
    this.clock = clock;
  }

  /**
   * Pays {@code request}: judged, captured by the provider, recorded, then the money moved.
   *
   * @return 201 with the payment and the balances after it, or 200 when the id was paid before
   * @throws org.telco.web.ProblemException as the API answers a refused payment
   */
  public Reply pay(PaymentRequest request) {
    Optional<Subscriber> subscriber = subscribers.find(request.msisdn());
    return switch (rules.checkPayment(request, payments.find(request.id()), subscriber)) {
      case Verdict.Reject<Payment> reject -> throw PaymentRoutes.problem(reject.reason());
      case Verdict.Replay<Payment> replay -> new Reply(200, finish(replay.existing()));
      case Verdict.Proceed<Payment> proceed -> {
        switch (provider.capture(request)) {
          case ProviderDecision.Declined declined ->
              throw new Problem(
                      422,
                      "declined-by-provider",
                      "The payment provider declined",
                      declined.reason().name(),
                      "payer")
                  .toException();
          case ProviderDecision.Approved approved -> {}
        }
        yield switch (payments.record(request.toPayment(clock.instant()))) {
          case PaymentResult.Accepted accepted ->
              new Reply(accepted.replayed() ? 200 : 201, finish(accepted.payment()));
          case PaymentResult.Rejected rejected -> throw PaymentRoutes.problem(rejected.reason());
        };
      }
    };
  }

  /** Moves the money of a recorded payment; safe to repeat. */
  private PaymentJson finish(Payment payment) {
    Subscriber subscriber = subscribers.find(payment.msisdn()).orElseThrow();
    submit(transfers.topUp(subscriber, payment));
    long due = due(subscriber);
    Optional<TransferRequest> settle =
        transfers.settle(subscriber, payment.id(), due, available(subscriber));
    if (settle.isPresent()) {
      TransferResult result = ledger.submit(List.of(settle.get())).join().getFirst();
      switch (result) {
        case TransferResult.Accepted accepted -> {}
        case TransferResult.Rejected rejected -> {
          if (rejected.reason() != TransferRejection.EXISTS_WITH_DIFFERENT_FIELDS) {
            throw new IllegalStateException("settling " + payment.id() + ": " + rejected.reason());
          }
        }
      }
    }
    Subscriber now = reopenIfPaid(subscriber);
    return PaymentJson.of(payment, balance(now), due(now), now.state().name());
  }

  private Subscriber reopenIfPaid(Subscriber subscriber) {
    if (subscriber.state() != SubscriberState.BARRED_ARREARS || due(subscriber) > 0) {
      return subscriber;
    }
    return switch (subscriber.change(StateChangeReason.ARREARS_PAID, clock.instant())) {
      case StateChangeResult.Changed changed ->
          switch (subscribers.update(SubscriberUpdate.of(changed))) {
            case SubscriberUpdateResult.Updated updated -> {
              notices.enqueue(changed.change());
              yield updated.subscriber();
            }
            case SubscriberUpdateResult.Stale stale ->
                subscribers.find(subscriber.msisdn()).orElseThrow();
            case SubscriberUpdateResult.NotFound notFound ->
                throw new IllegalStateException("subscriber vanished: " + notFound.msisdn());
          };
      case StateChangeResult.Unchanged unchanged -> unchanged.subscriber();
      case StateChangeResult.Refused refused -> refused.subscriber();
    };
  }

  void submit(TransferRequest request) {
    switch (ledger.submit(List.of(request)).join().getFirst()) {
      case TransferResult.Accepted accepted -> {}
      case TransferResult.Rejected rejected ->
          throw new IllegalStateException("transfer " + request.id() + ": " + rejected.reason());
    }
  }

  long balance(Subscriber subscriber) {
    return account(subscriber.moneyAccount())
        .map(a -> a.creditsPosted() - a.debitsPosted())
        .orElse(0L);
  }

  private long available(Subscriber subscriber) {
    return account(subscriber.moneyAccount())
        .map(a -> a.creditsPosted() - a.debitsPosted() - a.debitsPending())
        .orElse(0L);
  }

  long due(Subscriber subscriber) {
    return account(subscriber.arrearsAccount())
        .map(a -> a.debitsPosted() - a.creditsPosted())
        .orElse(0L);
  }

  private Optional<Account> account(AccountId id) {
    return ledger.account(id).join();
  }
}
