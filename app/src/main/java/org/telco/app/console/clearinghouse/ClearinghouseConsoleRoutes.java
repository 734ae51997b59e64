package org.telco.app.console.clearinghouse;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.telco.app.console.Amounts;
import org.telco.app.console.Console;
import org.telco.app.console.NavLink;
import org.telco.app.console.NodeApi;
import org.telco.app.console.Outcome;
import org.telco.app.console.PageCall;
import org.telco.app.console.Permission;
import org.telco.porting.PortRequest;
import org.telco.porting.PortState;
import org.telco.porting.PortingStore;
import org.telco.storage.porting.PgRoutingLog;

/**
 * The clearinghouse's console under {@link Console#ROOT} (docs/console.md): the port requests with
 * their states, the operators' settlement accounts and statements, and the routing database. It
 * only reads: ports move through the porting API, money through the settlement API. Ports and the
 * routing log are read from the clearinghouse's own stores; the settlement figures come from its
 * settlement API ({@link NodeApi}), so that the page and a statement fetched by an operator agree.
 */
public final class ClearinghouseConsoleRoutes implements HttpService {
  /** The clearinghouse console's pages in the navigation bar, the ports first (the home page). */
  public static final List<NavLink> NAVIGATION =
      List.of(
          new NavLink(Console.ROOT + "/ports", "clearinghouse.nav.ports"),
          new NavLink(Console.ROOT + "/settlement", "clearinghouse.nav.settlement"),
          new NavLink(Console.ROOT + "/routing", "clearinghouse.nav.routing"));

  /** Most port requests listed per state. */
  static final int PORTS_PER_STATE_MAX = 200;

  private final Console console;
  private final PortingStore ports;
  private final SettlementView settlement;
  private final RoutingView routing;

  /** The console pages over the clearinghouse's port store, routing log and own API. */
  public ClearinghouseConsoleRoutes(
      Console console, PortingStore ports, PgRoutingLog routing, NodeApi api) {
    this.console = console;
    this.ports = ports;
    this.settlement = new SettlementView(api);
    this.routing = new RoutingView(routing);
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/ports", console.page(Permission.VIEW, this::ports))
        .get("/settlement", console.page(Permission.VIEW, call -> settlement.page()))
        .get("/routing", console.page(Permission.VIEW, routing::page));
  }

  /** Every port request, newest first, with a count per state; {@code ?state=} narrows the list. */
  private Outcome ports(PageCall call) {
    String wanted = call.query("state").orElse("");
    Map<String, Object> counts = new LinkedHashMap<>();
    List<PortRequest> shown = new ArrayList<>();
    for (PortState state : PortState.values()) {
      List<PortRequest> inState = ports.inState(state, PORTS_PER_STATE_MAX);
      counts.put(state.name(), inState.size());
      if (wanted.isEmpty() || wanted.equals(state.name())) {
        shown.addAll(inState);
      }
    }
    shown.sort(Comparator.comparing(ClearinghouseConsoleRoutes::requestedAt).reversed());
    Map<String, Object> model = new HashMap<>();
    model.put("title", "clearinghouse.ports.title");
    model.put("counts", counts);
    model.put("wanted", wanted);
    model.put("ports", shown.stream().map(ClearinghouseConsoleRoutes::row).toList());
    return Outcome.View.ok("clearinghouse/ports", model);
  }

  private static String requestedAt(PortRequest request) {
    return request.history().getFirst().at().toString();
  }

  private static Map<String, Object> row(PortRequest r) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", r.id());
    row.put("msisdn", r.msisdn().digits());
    row.put("donor", r.donor().value());
    row.put("recipient", r.recipient().value());
    row.put("state", r.state().name());
    row.put("requestedAt", requestedAt(r));
    row.put("changedAt", r.history().getLast().at().toString());
    row.put("compensation", Amounts.yuan(r.compensationFen()));
    row.put("why", r.rejection().map(Enum::name).orElse(""));
    return row;
  }
}
