package org.telco.sms;

import java.util.List;
import java.util.Map;
import org.telco.subscriber.OperatorId;

/**
 * The authenticated link to other operators' centres (port); the platform's is signed HTTP between
 * nodes. The receiving centre stores and routes each message before answering, and knows them by
 * id, so forwarding the same messages again after a failure delivers them once.
 */
@FunctionalInterface
public interface PeerLink {
  /**
   * Hands the messages to {@code peer}'s centre.
   *
   * @return each message's state there, by id: DELIVERED or UNDELIVERABLE
   * @throws RuntimeException when the peer cannot be reached or fails; the messages are offered
   *     again later
   */
  Map<String, MessageState> forward(OperatorId peer, List<ShortMessage> messages);
}
