package org.telco.app.payment;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.List;
import org.telco.payment.Payer;
import org.telco.payment.PaymentChannel;
import org.telco.payment.PaymentId;
import org.telco.payment.PaymentRequest;
import org.telco.subscriber.Msisdn;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.Problem;
import org.telco.web.Reply;

/**
 * Payments and refunds over HTTP: requests are decoded here, naming the field of any bad input, and
 * carried out by {@link Payments}, which the demo data uses too.
 */
public final class PaymentRoutes implements HttpService {
  private final Payments payments;
  private final Endpoints endpoints;

  /** Routes over one operator's payment flow. */
  public PaymentRoutes(Payments payments, Endpoints endpoints) {
    this.payments = payments;
    this.endpoints = endpoints;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .post("/payments", endpoints.handler(Access.PARTNER, this::pay))
        .get("/payments/{id}", endpoints.handler(Access.PARTNER, this::read))
        .post("/payments/{id}/refund", endpoints.handler(Access.PARTNER, this::refund));
  }

  private Reply pay(Call call) {
    PaymentRequestJson json = call.body(PaymentRequestJson.class);
    if (call.caller().access() == Access.PARTNER
        && (json.payer() == null || json.payer().isBlank())) {
      throw Problem.invalidField("payer", "a partner names who pays: payer is required")
          .toException();
    }
    return payments.pay(decode(json));
  }

  private Reply read(Call call) {
    return payments.describe(paymentId(call.pathParameter("id")));
  }

  private Reply refund(Call call) {
    PaymentId paymentId = paymentId(call.pathParameter("id"));
    RefundRequestJson body =
        call.body().length == 0
            ? new RefundRequestJson(null, null, null)
            : call.body(RefundRequestJson.class);
    if (call.caller().access() == Access.PARTNER) {
      payments.requirePayer(paymentId, body.payer());
    }
    return payments.refund(paymentId, body.refundId(), body.amountFen());
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
}
