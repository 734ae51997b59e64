package org.telco.sms;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.telco.subscriber.OperatorId;

/**
 * Where the centre keeps messages (port). A message is stored before anyone is told it was
 * accepted, so nothing acknowledged is lost in a crash; every write is idempotent by message id, so
 * a step repeated after a crash changes nothing. {@link InMemorySmsStore} is the reference
 * implementation; the PostgreSQL one passes the same contract suite.
 */
public interface SmsStore {
  /** Stores new messages as ACCEPTED, in list order; ids stored before are left as they are. */
  void accept(List<ShortMessage> messages);

  /**
   * Stores new messages already routed, in list order: each arrival whose message id is new is
   * stored directly in the arrival's state, route and time, goes into its recipient's inbox in the
   * same transaction when {@link Settlement#toInbox()}, and is owed to the ESME of {@link
   * Settlement#esmeSystemId()}, in list order, exactly as {@link #accept} followed by {@link
   * #settle} would leave it, but written once. Ids stored before are left as they are (and are not
   * put into an inbox again); of two arrivals with one id the first wins.
   */
  void acceptRouted(List<Settlement> arrivals);

  /** ACCEPTED messages, oldest first. */
  List<ShortMessage> toRoute(int limit);

  /** Messages AWAITING_PEER on {@code peer}'s route, oldest first. */
  default List<ShortMessage> awaitingPeer(OperatorId peer, int limit) {
    return awaitingPeer(peer, 0, 1, limit);
  }

  /**
   * Messages AWAITING_PEER on {@code peer}'s route in lane {@code lane} of {@code lanes}, oldest
   * first. The lanes split the messages by id: for one number of lanes, each message is in exactly
   * one, always the same, so that several forwarders can each take a lane without sending a message
   * twice.
   */
  List<ShortMessage> awaitingPeer(OperatorId peer, int lane, int lanes, int limit);

  /**
   * Applies the steps, each to a message that is not final yet (a final message keeps its state,
   * and is not put into an inbox again): state, route, the inbox, and what is owed to an ESME.
   */
  void settle(List<Settlement> settlements);

  /** What is owed to ESME {@code systemId}, oldest first. */
  List<EsmeDelivery> owedTo(String systemId, int limit);

  /**
   * Records that the deliveries were handed over: nothing more is owed for them, and a message to
   * the ESME's short code becomes DELIVERED.
   */
  void handedOver(List<EsmeDelivery> deliveries, Instant at);

  /** One message as it stands. */
  Optional<MessageRecord> find(String id);

  /**
   * The states of those of {@code ids} that are stored; a centre answering a peer's batch asks once
   * for the whole batch, so an implementation over a database should answer in one query.
   */
  default Map<String, MessageState> states(Collection<String> ids) {
    Map<String, MessageState> states = new HashMap<>();
    for (String id : ids) {
      find(id).ifPresent(record -> states.put(id, record.state()));
    }
    return states;
  }

  /** The newest messages from or to {@code address}, newest first. */
  List<MessageRecord> messagesOf(String address, int limit);
}
