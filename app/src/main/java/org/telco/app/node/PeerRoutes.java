package org.telco.app.node;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.PeerCallException;
import org.telco.web.PeerClient;
import org.telco.web.Reply;

/**
 * Node-to-node plumbing: {@code POST /api/v1/peer/ping} answers a signed call from another node,
 * and {@code GET /api/v1/admin/peers} pings every configured peer over real HTTP and reports who
 * answered, which shows the signing keys and addresses are right.
 */
public final class PeerRoutes implements HttpService {
  private final String node;
  private final Clock clock;
  private final List<PeerClient> peers;
  private final Endpoints endpoints;

  /** Routes for {@code node}, which calls {@code peers}. */
  public PeerRoutes(String node, Clock clock, List<PeerClient> peers, Endpoints endpoints) {
    this.node = node;
    this.clock = clock;
    this.peers = List.copyOf(peers);
    this.endpoints = endpoints;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .post("/peer/ping", endpoints.handler(Access.PEER, this::pong))
        .get("/admin/peers", endpoints.handler(Access.ADMIN, call -> checkPeers()));
  }

  private Reply pong(Call call) {
    return Reply.ok(new Pong(node, call.caller().name(), clock.instant().toString()));
  }

  private Reply checkPeers() {
    List<Map<String, Object>> report = new ArrayList<>();
    for (PeerClient peer : peers) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("peer", peer.peer());
      try {
        Pong pong = peer.post("/api/v1/peer/ping", Map.of(), Pong.class);
        line.put("reachable", true);
        line.put("authenticatedAs", pong.caller());
      } catch (PeerCallException e) {
        line.put("reachable", false);
        line.put("status", e.status());
      }
      report.add(line);
    }
    return Reply.ok(report);
  }

  /**
   * A ping's answer.
   *
   * @param node the node that answered
   * @param caller the peer it authenticated
   * @param at the answering node's time
   */
  public record Pong(String node, String caller, String at) {}
}
