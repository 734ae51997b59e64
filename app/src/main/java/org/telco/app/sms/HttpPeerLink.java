package org.telco.app.sms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.telco.sms.MessageState;
import org.telco.sms.PeerLink;
import org.telco.sms.ShortMessage;
import org.telco.subscriber.OperatorId;
import org.telco.web.PeerClient;

/**
 * The link between SMS centres over the nodes' signed HTTP: {@code POST /api/v1/peer/sms} on the
 * peer, which answers each message's state there.
 */
final class HttpPeerLink implements PeerLink {
  private final Map<OperatorId, PeerClient> peers;

  HttpPeerLink(Map<OperatorId, PeerClient> peers) {
    this.peers = Map.copyOf(peers);
  }

  @Override
  public Map<String, MessageState> forward(OperatorId peer, List<ShortMessage> messages) {
    PeerClient client = peers.get(peer);
    if (client == null) {
      throw new IllegalStateException("no link to " + peer.value());
    }
    PeerSms.Answer answer =
        client.post(PeerSms.PATH, PeerSms.Batch.of(messages), PeerSms.Answer.class);
    Map<String, MessageState> states = new HashMap<>();
    answer.states().forEach((id, state) -> states.put(id, MessageState.valueOf(state)));
    return states;
  }
}
