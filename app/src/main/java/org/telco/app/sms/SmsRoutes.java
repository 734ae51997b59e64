package org.telco.app.sms;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.Optional;
import org.telco.network.MsisdnDigits;
import org.telco.sms.MessageRecord;
import org.telco.sms.ShortMessage;
import org.telco.sms.SmsCentre;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberStore;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.Problem;
import org.telco.web.Reply;

/**
 * The SMS centre over HTTP: a handset sending a message ({@code POST
 * /api/v1/handsets/{msisdn}/sms}, the simulated radio side) and what happened to messages ({@code
 * GET /api/v1/sms/messages?msisdn=}, {@code GET /api/v1/sms/messages/{id}}).
 *
 * <p>Who may send: an open subscriber (ACTIVE, or on emergency credit) anything; a barred or
 * suspended one only to this operator's short codes (to ask for the balance or top up); a number
 * that is not a subscriber here nothing.
 */
final class SmsRoutes implements HttpService {
  private static final int LIMIT_MAX = 1_000;

  private final OperatorProfile profile;
  private final SubscriberStore subscribers;
  private final SmsCentre centre;
  private final Endpoints endpoints;

  SmsRoutes(
      OperatorProfile profile, SubscriberStore subscribers, SmsCentre centre, Endpoints endpoints) {
    this.profile = profile;
    this.subscribers = subscribers;
    this.centre = centre;
    this.endpoints = endpoints;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .post("/handsets/{msisdn}/sms", endpoints.handler(Access.PARTNER, this::send))
        .get("/sms/messages", endpoints.handler(Access.ADMIN, this::messages))
        .get("/sms/messages/{id}", endpoints.handler(Access.ADMIN, this::message));
  }

  private Reply send(Call call) {
    Msisdn msisdn = msisdn(call.pathParameter("msisdn"));
    Outgoing outgoing = call.body(Outgoing.class);
    if (!ShortMessage.isDestination(outgoing.to())) {
      throw Problem.invalidField("to", "a number or short code of 3-15 digits").toException();
    }
    if (outgoing.text() == null
        || outgoing.text().isEmpty()
        || outgoing.text().length() > ShortMessage.TEXT_MAX) {
      throw Problem.invalidField("text", "1-" + ShortMessage.TEXT_MAX + " characters")
          .toException();
    }
    Subscriber sender = sender(msisdn);
    if (!sender.state().isOpen() && !profile.shortCodes().contains(outgoing.to())) {
      throw new Problem(
              403,
              "sending-barred",
              "This line may only text the operator's short codes",
              msisdn + " is not in service for outgoing messages",
              "msisdn")
          .toException();
    }
    String id = centre.sendFromHandset(msisdn.digits(), outgoing.to(), outgoing.text());
    return new Reply(202, MessageJson.of(centre.find(id).orElseThrow()));
  }

  private Subscriber sender(Msisdn msisdn) {
    Optional<Subscriber> sender = subscribers.find(msisdn);
    if (sender.isEmpty() || !sender.get().state().inService()) {
      throw new Problem(
              404,
              "not-a-subscriber",
              "No such handset here",
              msisdn + " is not served here",
              "msisdn")
          .toException();
    }
    return sender.get();
  }

  private Reply messages(Call call) {
    String address =
        call.query("msisdn")
            .orElseThrow(() -> Problem.invalidField("msisdn", "required").toException());
    if (!ShortMessage.isSource(address)) {
      throw Problem.invalidField("msisdn", "a number, short code or sender name").toException();
    }
    int limit = call.intQuery("limit", 100, LIMIT_MAX);
    return Reply.ok(centre.messagesOf(address, limit).stream().map(MessageJson::of).toList());
  }

  private Reply message(Call call) {
    String id = call.pathParameter("id");
    MessageRecord record =
        centre
            .find(id)
            .orElseThrow(
                () ->
                    new Problem(404, "message-not-found", "No such message", id, "id")
                        .toException());
    return Reply.ok(MessageJson.of(record));
  }

  private static Msisdn msisdn(String raw) {
    try {
      return new Msisdn(MsisdnDigits.require(raw, "msisdn"));
    } catch (IllegalArgumentException e) {
      throw Problem.invalidField("msisdn", e.getMessage()).toException();
    }
  }

  /**
   * A message a handset sends.
   *
   * @param to a number or short code
   * @param text the text
   */
  record Outgoing(String to, String text) {}

  /**
   * A message with its route and state.
   *
   * @param id the centre's message id
   * @param origin who handed it over, such as {@code esme:alpha} or {@code handset:8613800000001}
   * @param from the source address
   * @param to the destination
   * @param text the text
   * @param receiptRequested whether the ESME asked for a delivery receipt
   * @param state ACCEPTED, AWAITING_PEER, AWAITING_RECEIVER, DELIVERED or UNDELIVERABLE
   * @param route where it went, such as {@code handset}, {@code peer:beta}, {@code service:10086}
   * @param acceptedAt when the centre accepted it
   * @param updatedAt when its state last changed
   */
  record MessageJson(
      String id,
      String origin,
      String from,
      String to,
      String text,
      boolean receiptRequested,
      String state,
      String route,
      String acceptedAt,
      String updatedAt) {
    static MessageJson of(MessageRecord record) {
      ShortMessage m = record.message();
      return new MessageJson(
          m.id(),
          m.origin().encoded(),
          m.from(),
          m.to(),
          m.text(),
          m.receiptRequested(),
          record.state().name(),
          record.route(),
          m.acceptedAt().toString(),
          record.updatedAt().toString());
    }
  }
}
