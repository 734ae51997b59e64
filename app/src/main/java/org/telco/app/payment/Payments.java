package org.telco.app.payment;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.telco.app.credit.AdvanceRepayment;
import org.telco.app.subscriber.ArrearsReopening;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.TransferRejection;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.payment.Payment;
import org.telco.payment.PaymentId;
import org.telco.payment.PaymentProvider;
import org.telco.payment.PaymentRejection;
import org.telco.payment.PaymentRequest;
import org.telco.payment.PaymentResult;
import org.telco.payment.PaymentRules;
import org.telco.payment.PaymentStore;
import org.telco.payment.PaymentTransfers;
import org.telco.payment.ProviderDecision;
import org.telco.payment.Refund;
import org.telco.payment.RefundId;
import org.telco.payment.RefundRequest;
import org.telco.payment.RefundResult;
import org.telco.payment.Verdict;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberState;
import org.telco.subscriber.SubscriberStore;
import org.telco.web.Problem;
import org.telco.web.Reply;

/**
 * Payments and their refunds, following the flow of docs/prepaid.md. A top-up is judged, captured
 * with the provider, recorded, then the money moves in the ledger (top-up, repay an emergency
 * advance, then settle what is due) and a number barred for arrears or open on emergency credit
 * re-opens once nothing is owed. A refund is judged, recorded (the store caps it atomically), then
 * moved in the ledger, and taken back if the money was spent. Every step is idempotent, so the same
 * payment or refund id sent again, or after a crash, finishes it instead of paying twice. The API
 * and the demo data both go through here.
 */
public final class Payments {
  private static final String FULL_REFUND = "full";

  /** Settling is worked out again at most this often when balances move under it. */
  private static final int SETTLE_ATTEMPTS = 8;

  private final LongAdder topUps = new LongAdder();
  private final LongAdder topUpsFen = new LongAdder();
  private final SubscriberStore subscribers;
  private final PaymentStore payments;
  private final PaymentProvider provider;
  private final PaymentRules rules;
  private final PaymentTransfers transfers;
  private final ShardedLedger ledger;
  private final ArrearsReopening reopening;
  private final AdvanceRepayment repayment;
  private final Clock clock;

  /** Payments over one operator's stores and ledger engine. */
  public Payments(
      SubscriberStore subscribers,
      PaymentStore payments,
      PaymentProvider provider,
      PaymentRules rules,
      PaymentTransfers transfers,
      ShardedLedger ledger,
      ArrearsReopening reopening,
      AdvanceRepayment repayment,
      Clock clock) {
    this.subscribers = subscribers;
    this.payments = payments;
    this.provider = provider;
    this.rules = rules;
    this.transfers = transfers;
    this.ledger = ledger;
    this.reopening = reopening;
    this.repayment = repayment;
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
      case Verdict.Reject<Payment> reject -> throw PaymentProblems.of(reject.reason());
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
          case PaymentResult.Accepted accepted -> {
            if (!accepted.replayed()) {
              topUps.increment();
              topUpsFen.add(accepted.payment().amountFen());
            }
            yield new Reply(accepted.replayed() ? 200 : 201, finish(accepted.payment()));
          }
          case PaymentResult.Rejected rejected -> throw PaymentProblems.of(rejected.reason());
        };
      }
    };
  }

  /**
   * Top-ups recorded by this node since it started (a retried payment counts once), for the
   * console's dashboard.
   *
   * @param count how many
   * @param amountFen their total
   */
  public record TopUps(long count, long amountFen) {}

  /** The top-ups recorded since this node started. */
  public TopUps topUps() {
    return new TopUps(topUps.sum(), topUpsFen.sum());
  }

  /**
   * Moves the money of a recorded payment; safe to repeat. An emergency advance is repaid first,
   * then what is due, then the number re-opens if nothing is owed. A number found on emergency
   * credit afterwards had its advance granted while this ran (the offer won the race for the
   * state), so the money left goes to that advance too.
   */
  private PaymentJson finish(Payment payment) {
    Subscriber subscriber = subscribers.find(payment.msisdn()).orElseThrow();
    submit(transfers.topUp(subscriber, payment));
    Subscriber now = apply(subscriber, payment.id());
    if (subscriber.state() != SubscriberState.EMERGENCY_CREDIT
        && now.state() == SubscriberState.EMERGENCY_CREDIT) {
      now = apply(now, payment.id());
    }
    return PaymentJson.of(payment, balance(now), due(now), now.state().name());
  }

  /**
   * Repays an advance (only a number barred for arrears or on emergency credit can owe one, so an
   * active number's top-up costs no lookup), settles what is due, re-opens if nothing is owed.
   */
  private Subscriber apply(Subscriber subscriber, PaymentId id) {
    if (subscriber.state() == SubscriberState.BARRED_ARREARS
        || subscriber.state() == SubscriberState.EMERGENCY_CREDIT) {
      repayment.repayFrom(subscriber);
    }
    settleDue(subscriber, id);
    return reopening.reopenIfPaid(subscribers.find(subscriber.msisdn()).orElseThrow());
  }

  /**
   * Pays what is due from money. A fee charged or another payment settling meanwhile changes both
   * figures between reading and moving them; the ledger then refuses the amount and it is worked
   * out again (a refused transfer leaves its id free). An id landed with other figures was settled
   * by an earlier attempt of this payment.
   */
  private void settleDue(Subscriber subscriber, PaymentId id) {
    for (int attempt = 1; ; attempt++) {
      Optional<TransferRequest> settle =
          transfers.settle(subscriber, id, due(subscriber), available(subscriber));
      if (settle.isEmpty()) {
        return;
      }
      TransferResult result = ledger.submit(List.of(settle.get())).join().getFirst();
      if (result instanceof TransferResult.Rejected rejected) {
        TransferRejection reason = rejected.reason();
        boolean moved =
            reason == TransferRejection.EXCEEDS_CREDITS
                || reason == TransferRejection.EXCEEDS_DEBITS;
        if (moved && attempt < SETTLE_ATTEMPTS) {
          continue;
        }
        if (reason != TransferRejection.EXISTS_WITH_DIFFERENT_FIELDS) {
          throw new IllegalStateException("settling " + id + ": " + reason);
        }
      }
      return;
    }
  }

  /** A payment with its subscriber's balance, due amount and state as they stand now. */
  public Reply describe(PaymentId id) {
    Payment payment =
        payments.find(id).orElseThrow(() -> PaymentProblems.of(PaymentRejection.PAYMENT_NOT_FOUND));
    Subscriber subscriber = subscriberOf(payment);
    return Reply.ok(
        PaymentJson.of(payment, balance(subscriber), due(subscriber), subscriber.state().name()));
  }

  /**
   * Refuses a refund asked for by someone other than the payment's payer (a partner acting for a
   * payer may only refund that payer's payments). An unknown payment is left to {@link #refund}.
   *
   * @throws org.telco.web.ProblemException 400 without a payer, 403 for another payer
   */
  public void requirePayer(PaymentId paymentId, String payer) {
    if (payer == null || payer.isBlank()) {
      throw Problem.invalidField("payer", "name the payer who asks for the refund").toException();
    }
    Optional<Payment> payment = payments.find(paymentId);
    if (payment.isPresent() && !payment.get().payer().id().equals(payer)) {
      throw new Problem(
              403,
              "not-the-payer",
              "Only the payer may have a payment refunded",
              "payment " + paymentId.value() + " was not paid by " + payer,
              "payer")
          .toException();
    }
  }

  /**
   * Refunds part or all of a payment.
   *
   * @param rawRefundId the refund's id within the payment, or null for {@code full}
   * @param amountFen the amount, or null for what this refund id asked before, else all that is
   *     still refundable
   */
  public Reply refund(PaymentId paymentId, String rawRefundId, Long amountFen) {
    Optional<Payment> payment = payments.find(paymentId);
    if (payment.isEmpty()) {
      throw PaymentProblems.of(PaymentRejection.PAYMENT_NOT_FOUND);
    }
    RefundId refundId = refundId(rawRefundId == null ? FULL_REFUND : rawRefundId);
    List<Refund> earlier = payments.refunds(paymentId);
    long amount =
        amountFen != null
            ? amountFen
            : earlier.stream()
                .filter(r -> r.refundId().equals(refundId))
                .map(Refund::amountFen)
                .findFirst()
                .orElseGet(() -> payment.map(Payment::refundableFen).orElse(0L));
    RefundRequest request = new RefundRequest(refundId, paymentId, amount);
    return switch (rules.checkRefund(request, payment, earlier)) {
      case Verdict.Reject<Refund> reject -> throw PaymentProblems.of(reject.reason());
      case Verdict.Replay<Refund> replay -> {
        Payment paid = payment.orElseThrow();
        submit(transfers.refund(subscriberOf(paid), paid, replay.existing()));
        yield new Reply(
            200, RefundJson.of(replay.existing(), payments.find(paymentId).orElseThrow()));
      }
      case Verdict.Proceed<Refund> proceed -> recordAndMove(request);
    };
  }

  /** Records a new refund, moves it in the ledger, then tells the provider. */
  private Reply recordAndMove(RefundRequest request) {
    return switch (payments.addRefund(request.toRefund(clock.instant()))) {
      case RefundResult.Rejected rejected -> throw PaymentProblems.of(rejected.reason());
      case RefundResult.Accepted accepted -> {
        Payment paid = accepted.payment();
        TransferResult moved =
            ledger
                .submit(List.of(transfers.refund(subscriberOf(paid), paid, accepted.refund())))
                .join()
                .getFirst();
        switch (moved) {
          case TransferResult.Accepted done -> {}
          case TransferResult.Rejected refused -> {
            payments.withdrawRefund(request.paymentId(), request.refundId());
            throw new Problem(
                    422,
                    "refund-exceeds-balance",
                    "The money was spent",
                    "the subscriber's balance no longer holds the amount: "
                        + refused.reason().name().toLowerCase(Locale.ROOT),
                    "amountFen")
                .toException();
          }
        }
        provider.refund(paid, accepted.refund());
        yield new Reply(accepted.replayed() ? 200 : 201, RefundJson.of(accepted.refund(), paid));
      }
    };
  }

  private Subscriber subscriberOf(Payment payment) {
    return subscribers.find(payment.msisdn()).orElseThrow();
  }

  private static RefundId refundId(String raw) {
    try {
      return new RefundId(raw);
    } catch (IllegalArgumentException e) {
      throw Problem.invalidField("refundId", e.getMessage()).toException();
    }
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
    return reopening.dueFen(subscriber);
  }

  private Optional<Account> account(AccountId id) {
    return ledger.account(id).join();
  }
}
