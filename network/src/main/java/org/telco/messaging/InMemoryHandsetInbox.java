package org.telco.messaging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The reference {@link HandsetInbox}: a list per handset, guarded by the inbox's monitor. */
public final class InMemoryHandsetInbox implements HandsetInbox {
  private final Set<String> ids = new HashSet<>();
  private final Map<String, List<SmsMessage>> inboxes = new HashMap<>();

  @Override
  public synchronized void deliver(SmsMessage message) {
    if (ids.add(message.id())) {
      inboxes.computeIfAbsent(message.to(), key -> new ArrayList<>()).add(message);
    }
  }

  @Override
  public synchronized List<SmsMessage> messagesFor(String msisdn, int limit) {
    List<SmsMessage> newestFirst = new ArrayList<>(inboxes.getOrDefault(msisdn, List.of()));
    // Reversed delivery order first, so the stable sort keeps later deliveries first among ties.
    Collections.reverse(newestFirst);
    newestFirst.sort(Comparator.comparing(SmsMessage::at).reversed());
    return List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
  }
}
