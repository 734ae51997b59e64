package org.telco.sms.smpp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.SMPPServerSession;
import org.telco.sms.EsmeAccount;

/** The sessions bound now, by session id, with the account each bound as. */
final class BoundSessions {
  private final Map<String, Bound> byId = new ConcurrentHashMap<>();

  /** A session and its account. */
  record Bound(SMPPServerSession session, EsmeAccount account) {}

  void add(SMPPServerSession session, EsmeAccount account) {
    byId.put(session.getSessionId(), new Bound(session, account));
  }

  void remove(String sessionId) {
    byId.remove(sessionId);
  }

  Optional<EsmeAccount> accountOf(SMPPServerSession session) {
    return Optional.ofNullable(byId.get(session.getSessionId())).map(Bound::account);
  }

  /** Sessions that may be sent deliver_sm now (bound as receiver or transceiver). */
  List<Bound> receivers() {
    List<Bound> receivers = new ArrayList<>();
    for (Bound bound : byId.values()) {
      SessionState state = bound.session().getSessionState();
      if (state.isBound() && state.isReceivable()) {
        receivers.add(bound);
      }
    }
    return receivers;
  }

  List<Bound> all() {
    return List.copyOf(byId.values());
  }
}
