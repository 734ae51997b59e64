package org.telco.app.messaging;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import org.telco.messaging.HandsetInbox;
import org.telco.messaging.SmsMessage;
import org.telco.network.MsisdnDigits;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.Problem;
import org.telco.web.Reply;

/**
 * The simulated handsets' inboxes: what the built-in SMS port delivered to a number, newest first.
 * It stands in for real phones until the SMS platform exists, so partners and demos can see the
 * notifications.
 */
public final class HandsetRoutes implements HttpService {
  /** Most messages one read returns. */
  public static final int LIMIT_MAX = 1000;

  private final HandsetInbox inbox;
  private final Endpoints endpoints;

  /** Routes over the operator's inbox. */
  public HandsetRoutes(HandsetInbox inbox, Endpoints endpoints) {
    this.inbox = inbox;
    this.endpoints = endpoints;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/handsets/{msisdn}/inbox", endpoints.handler(Access.PARTNER, this::inbox));
  }

  private Reply inbox(Call call) {
    String msisdn = call.pathParameter("msisdn");
    try {
      MsisdnDigits.require(msisdn, "msisdn");
    } catch (IllegalArgumentException e) {
      throw Problem.invalidField("msisdn", e.getMessage()).toException();
    }
    int limit = call.intQuery("limit", 100, LIMIT_MAX);
    return Reply.ok(inbox.messagesFor(msisdn, limit).stream().map(SmsJson::of).toList());
  }

  /**
   * One SMS as a handset shows it.
   *
   * @param id the message id
   * @param from the sender (a short code or a number)
   * @param to the recipient
   * @param text the text
   * @param at when it was sent
   */
  record SmsJson(String id, String from, String to, String text, String at) {
    static SmsJson of(SmsMessage sms) {
      return new SmsJson(sms.id(), sms.from(), sms.to(), sms.text(), sms.at().toString());
    }
  }
}
