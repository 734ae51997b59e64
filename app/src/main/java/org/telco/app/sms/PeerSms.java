package org.telco.app.sms;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.telco.sms.Origin;
import org.telco.sms.ShortMessage;
import org.telco.sms.SmsCentre;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.OperatorProfiles;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.Problem;
import org.telco.web.Reply;

/**
 * The receiving end of the link between SMS centres: {@code POST /api/v1/peer/sms}, for signed peer
 * calls only, from an operator. The sender is the authenticated caller, not a field of the body.
 */
final class PeerSms implements HttpService {
  /** Where a centre forwards messages to its peers. */
  static final String PATH = "/api/v1/peer/sms";

  /** Most messages one call may carry. */
  static final int BATCH_MAX = 1_000;

  private final SmsCentre centre;
  private final OperatorProfiles operators;
  private final Endpoints endpoints;

  PeerSms(SmsCentre centre, OperatorProfiles operators, Endpoints endpoints) {
    this.centre = centre;
    this.operators = operators;
    this.endpoints = endpoints;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.post("/peer/sms", endpoints.handler(Access.PEER, this::receive));
  }

  private Reply receive(Call call) {
    OperatorId peer = new OperatorId(call.caller().name());
    if (operators.find(peer).isEmpty()) {
      throw new Problem(403, "not-an-operator", "Only operators exchange SMS", peer.value(), null)
          .toException();
    }
    Batch batch = call.body(Batch.class);
    if (batch.messages() == null || batch.messages().size() > BATCH_MAX) {
      throw Problem.invalidField("messages", "1-" + BATCH_MAX + " messages").toException();
    }
    List<ShortMessage> messages = new ArrayList<>(batch.messages().size());
    for (Message message : batch.messages()) {
      messages.add(message.toShortMessage(peer));
    }
    Map<String, String> states = new LinkedHashMap<>();
    centre.receiveFromPeer(peer, messages).forEach((id, state) -> states.put(id, state.name()));
    return Reply.ok(new Answer(states));
  }

  /**
   * Messages one centre hands another.
   *
   * @param messages the messages
   */
  record Batch(List<Message> messages) {
    static Batch of(List<ShortMessage> messages) {
      return new Batch(messages.stream().map(Message::of).toList());
    }
  }

  /**
   * One forwarded message; its id stays the one the first centre gave it.
   *
   * @param id the message id
   * @param from the source address
   * @param to the destination number
   * @param text the text
   * @param acceptedAt when the first centre accepted it
   */
  record Message(String id, String from, String to, String text, String acceptedAt) {
    static Message of(ShortMessage message) {
      return new Message(
          message.id(),
          message.from(),
          message.to(),
          message.text(),
          message.acceptedAt().toString());
    }

    ShortMessage toShortMessage(OperatorId peer) {
      try {
        return new ShortMessage(
            id, new Origin.Peer(peer), from, to, text, false, Instant.parse(acceptedAt));
      } catch (RuntimeException e) {
        throw Problem.invalidField("messages", "message " + id + ": " + e.getMessage())
            .toException();
      }
    }
  }

  /**
   * Each message's state at the receiving centre, by id.
   *
   * @param states DELIVERED or UNDELIVERABLE, by message id
   */
  record Answer(Map<String, String> states) {}
}
