package org.telco.app.payment;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.TransferResult;
import org.telco.payment.Payer;
import org.telco.payment.Payment;
import org.telco.payment.PaymentChannel;
import org.telco.payment.PaymentId;
import org.telco.payment.PaymentProvider;
import org.telco.payment.PaymentRejection;
import org.telco.payment.PaymentRequest;
import org.telco.payment.PaymentRules;
import org.telco.payment.PaymentStore;
import org.telco.payment.PaymentTransfers;
import org.telco.payment.Refund;
import org.telco.payment.RefundId;
import org.telco.payment.RefundRequest;
import org.telco.payment.RefundResult;
import org.telco.payment.Verdict;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberStore;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.Problem;
import org.telco.web.Reply;

/**
 * Top-ups and refunds over HTTP, following the flow of docs/prepaid.md. A top-up is decoded here
 * and paid by {@link TopUps}, which the demo data uses too; a refund is judged, recorded, then
 * moved in the ledger. Every step is idempotent, so the same payment or refund id sent again, or
 * after a crash, finishes it instead of paying twice.
 */
public final class PaymentRoutes implements HttpService {
  private static final String FULL_REFUND = "full";

  private final TopUps topUps;
  private final SubscriberStore subscribers;
  private final PaymentStore payments;
  private final PaymentProvider provider;
  private final PaymentRules rules;
  private final PaymentTransfers transfers;
  private final ShardedLedger ledger;
  private final Clock clock;
  private final Endpoints endpoints;

  /** Routes over one operator's stores and ledger engine. */
  public PaymentRoutes(
      TopUps topUps,
      SubscriberStore subscribers,
      PaymentStore payments,
      PaymentProvider provider,
      PaymentRules rules,
      PaymentTransfers transfers,
      ShardedLedger ledger,
      Clock clock,
      Endpoints endpoints) {
    this.topUps = topUps;
    this.subscribers = subscribers;
    this.payments = payments;
    this.provider = provider;
    this.rules = rules;
    this.transfers = transfers;
    this.ledger = ledger;
    this.clock = clock;
    this.endpoints = endpoints;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .post("/payments", endpoints.handler(Access.ADMIN, this::pay))
        .get("/payments/{id}", endpoints.handler(Access.ADMIN, this::read))
        .post("/payments/{id}/refund", endpoints.handler(Access.ADMIN, this::refund));
  }

  private Reply pay(Call call) {
    return topUps.pay(decode(call.body(PaymentRequestJson.class)));
  }

  private Reply read(Call call) {
    PaymentId id = paymentId(call.pathParameter("id"));
    Payment payment =
        payments.find(id).orElseThrow(() -> problem(PaymentRejection.PAYMENT_NOT_FOUND));
    Subscriber subscriber = subscribers.find(payment.msisdn()).orElseThrow();
    return Reply.ok(
        PaymentJson.of(
            payment,
            topUps.balance(subscriber),
            topUps.due(subscriber),
            subscriber.state().name()));
  }

  private Reply refund(Call call) {
    PaymentId paymentId = paymentId(call.pathParameter("id"));
    RefundRequestJson body =
        call.body().length == 0
            ? new RefundRequestJson(null, null)
            : call.body(RefundRequestJson.class);
    Optional<Payment> payment = payments.find(paymentId);
    if (payment.isEmpty()) {
      throw problem(PaymentRejection.PAYMENT_NOT_FOUND);
    }
    RefundId refundId = refundId(body.refundId() == null ? FULL_REFUND : body.refundId());
    List<Refund> earlier = payments.refunds(paymentId);
    long amount =
        body.amountFen() != null
            ? body.amountFen()
            : earlier.stream()
                .filter(r -> r.refundId().equals(refundId))
                .map(Refund::amountFen)
                .findFirst()
                .orElseGet(() -> payment.map(Payment::refundableFen).orElse(0L));
    RefundRequest request = new RefundRequest(refundId, paymentId, amount);
    return switch (rules.checkRefund(request, payment, earlier)) {
      case Verdict.Reject<Refund> reject -> throw problem(reject.reason());
      case Verdict.Replay<Refund> replay -> {
        Payment paid = payment.orElseThrow();
        topUps.submit(transfers.refund(subscriberOf(paid), paid, replay.existing()));
        yield new Reply(
            200, RefundJson.of(replay.existing(), payments.find(paymentId).orElseThrow()));
      }
      case Verdict.Proceed<Refund> proceed ->
          switch (payments.addRefund(request.toRefund(clock.instant()))) {
            case RefundResult.Rejected rejected -> throw problem(rejected.reason());
            case RefundResult.Accepted accepted -> {
              Payment paid = accepted.payment();
              TransferResult moved =
                  ledger
                      .submit(
                          List.of(transfers.refund(subscriberOf(paid), paid, accepted.refund())))
                      .join()
                      .getFirst();
              switch (moved) {
                case TransferResult.Accepted done -> {}
                case TransferResult.Rejected refused -> {
                  payments.withdrawRefund(paymentId, refundId);
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
              yield new Reply(
                  accepted.replayed() ? 200 : 201, RefundJson.of(accepted.refund(), paid));
            }
          };
    };
  }

  private Subscriber subscriberOf(Payment payment) {
    return subscribers.find(payment.msisdn()).orElseThrow();
  }

  private static PaymentRequest decode(PaymentRequestJson json) {
    PaymentId id = paymentId(json.id());
    if (json.msisdn() == null || !Msisdn.isWellFormed(json.msisdn())) {
      throw Problem.invalidField("msisdn", "msisdn must be 8-15 digits in international form")
          .toException();
    }
    if (json.amountFen() == null) {
      throw Problem.invalidField("amountFen", "amountFen is required").toException();
    }
    Payer payer;
    try {
      payer = new Payer(json.payer() == null ? "" : json.payer());
    } catch (IllegalArgumentException e) {
      throw Problem.invalidField("payer", e.getMessage()).toException();
    }
    PaymentChannel channel;
    try {
      channel =
          json.channel() == null ? PaymentChannel.SANDBOX : PaymentChannel.valueOf(json.channel());
    } catch (IllegalArgumentException e) {
      throw Problem.invalidField(
              "channel", "channel must be one of " + List.of(PaymentChannel.values()))
          .toException();
    }
    return new PaymentRequest(id, new Msisdn(json.msisdn()), json.amountFen(), payer, channel);
  }

  private static PaymentId paymentId(String raw) {
    try {
      return new PaymentId(raw == null ? "" : raw);
    } catch (IllegalArgumentException e) {
      throw Problem.invalidField("id", e.getMessage()).toException();
    }
  }

  private static RefundId refundId(String raw) {
    try {
      return new RefundId(raw);
    } catch (IllegalArgumentException e) {
      throw Problem.invalidField("refundId", e.getMessage()).toException();
    }
  }

  static RuntimeException problem(PaymentRejection reason) {
    int status =
        switch (reason) {
          case AMOUNT_MUST_BE_POSITIVE -> 400;
          case EXISTS_WITH_DIFFERENT_FIELDS, REFUND_EXISTS_WITH_DIFFERENT_FIELDS -> 409;
          case PAYMENT_NOT_FOUND -> 404;
          case AMOUNT_TOO_LARGE,
              NUMBER_NOT_OURS,
              NUMBER_NOT_IN_SERVICE,
              REFUND_EXCEEDS_PAYMENT,
              DECLINED_BY_PROVIDER ->
              422;
        };
    String field =
        switch (reason) {
          case AMOUNT_MUST_BE_POSITIVE, AMOUNT_TOO_LARGE, REFUND_EXCEEDS_PAYMENT -> "amountFen";
          case EXISTS_WITH_DIFFERENT_FIELDS, PAYMENT_NOT_FOUND -> "id";
          case NUMBER_NOT_OURS, NUMBER_NOT_IN_SERVICE -> "msisdn";
          case REFUND_EXISTS_WITH_DIFFERENT_FIELDS -> "refundId";
          case DECLINED_BY_PROVIDER -> "payer";
        };
    String code = reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    return new Problem(status, code, "The payment was refused", code.replace('-', ' '), field)
        .toException();
  }

  /**
   * A refund as the API shows it.
   *
   * @param refundId its id within the payment
   * @param paymentId the payment
   * @param amountFen the amount refunded
   * @param at when
   * @param paymentRefundedFen the payment's refunded total now
   */
  record RefundJson(
      String refundId, String paymentId, long amountFen, String at, long paymentRefundedFen) {
    static RefundJson of(Refund refund, Payment payment) {
      return new RefundJson(
          refund.refundId().value(),
          refund.paymentId().value(),
          refund.amountFen(),
          refund.at().toString(),
          payment.refundedFen());
    }
  }
}
