package org.telco.sms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.telco.messaging.HandsetInbox;
import org.telco.messaging.SmsMessage;
import org.telco.subscriber.OperatorId;

/**
 * The reference {@link SmsStore}: records in acceptance order, guarded by the store's monitor, and
 * a {@link HandsetInbox} that delivered messages go into.
 */
public final class InMemorySmsStore implements SmsStore {
  private final HandsetInbox inbox;
  private final Map<String, MessageRecord> records = new LinkedHashMap<>();
  private final Map<String, Owed> owed = new LinkedHashMap<>();

  private record Owed(String systemId, EsmeDelivery.Kind kind) {}

  /** A store delivering into {@code inbox}. */
  public InMemorySmsStore(HandsetInbox inbox) {
    this.inbox = inbox;
  }

  @Override
  public synchronized void accept(List<ShortMessage> messages) {
    for (ShortMessage message : messages) {
      records.putIfAbsent(
          message.id(),
          new MessageRecord(message, MessageState.ACCEPTED, null, message.acceptedAt()));
    }
  }

  @Override
  public synchronized void acceptRouted(List<Settlement> arrivals) {
    for (Settlement arrival : arrivals) {
      ShortMessage message = arrival.message();
      if (records.containsKey(message.id())) {
        continue;
      }
      records.put(
          message.id(),
          new MessageRecord(message, MessageState.ACCEPTED, null, message.acceptedAt()));
      settle(List.of(arrival));
    }
  }

  @Override
  public synchronized List<ShortMessage> toRoute(int limit) {
    return records.values().stream()
        .filter(r -> r.state() == MessageState.ACCEPTED)
        .limit(limit)
        .map(MessageRecord::message)
        .toList();
  }

  @Override
  public synchronized List<ShortMessage> awaitingPeer(
      OperatorId peer, int lane, int lanes, int limit) {
    String route = new Route.ToPeer(peer).describe();
    return records.values().stream()
        .filter(r -> r.state() == MessageState.AWAITING_PEER && route.equals(r.route()))
        .filter(r -> Math.floorMod(r.message().id().hashCode(), lanes) == lane)
        .limit(limit)
        .map(MessageRecord::message)
        .toList();
  }

  @Override
  public synchronized void settle(List<Settlement> settlements) {
    for (Settlement step : settlements) {
      MessageRecord record = records.get(step.message().id());
      if (record == null || record.state().isFinal()) {
        continue;
      }
      records.put(
          record.message().id(),
          new MessageRecord(record.message(), step.state(), step.route(), step.at()));
      if (step.toInbox()) {
        ShortMessage message = record.message();
        inbox.deliver(
            new SmsMessage(message.id(), message.from(), message.to(), message.text(), step.at()));
      }
      owed.remove(record.message().id());
      step.esmeSystemId()
          .ifPresent(id -> owed.put(record.message().id(), new Owed(id, step.esmeKind().get())));
    }
  }

  @Override
  public synchronized List<EsmeDelivery> owedTo(String systemId, int limit) {
    List<EsmeDelivery> result = new ArrayList<>();
    for (Map.Entry<String, Owed> entry : owed.entrySet()) {
      if (result.size() == limit) {
        break;
      }
      if (entry.getValue().systemId().equals(systemId)) {
        result.add(new EsmeDelivery(records.get(entry.getKey()), entry.getValue().kind()));
      }
    }
    return result;
  }

  @Override
  public synchronized void handedOver(List<EsmeDelivery> deliveries, Instant at) {
    for (EsmeDelivery delivery : deliveries) {
      String id = delivery.record().message().id();
      Owed was = owed.get(id);
      if (was == null || was.kind() != delivery.kind()) {
        continue;
      }
      owed.remove(id);
      MessageRecord record = records.get(id);
      if (delivery.kind() == EsmeDelivery.Kind.MOBILE_ORIGINATED
          && record.state() == MessageState.AWAITING_RECEIVER) {
        records.put(
            id, new MessageRecord(record.message(), MessageState.DELIVERED, record.route(), at));
      }
    }
  }

  @Override
  public synchronized Optional<MessageRecord> find(String id) {
    return Optional.ofNullable(records.get(id));
  }

  @Override
  public synchronized List<MessageRecord> messagesOf(String address, int limit) {
    List<MessageRecord> all = new ArrayList<>(records.values());
    List<MessageRecord> result = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0 && result.size() < limit; i--) {
      ShortMessage message = all.get(i).message();
      if (message.from().equals(address) || message.to().equals(address)) {
        result.add(all.get(i));
      }
    }
    return result;
  }
}
