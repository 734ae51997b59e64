package org.telco.app.console.clearinghouse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.telco.app.console.Outcome;
import org.telco.app.console.PageCall;
import org.telco.storage.porting.PgRoutingLog;
import org.telco.subscriber.Msisdn;

/**
 * The routing database page: its version (every change has the next one, and the operators'
 * replicas catch up to it), how many numbers are served away from their range holder and by whom,
 * the latest changes, and a lookup of one number. The figures replay the change log up to {@link
 * #CHANGES_MAX} changes; past that they say so.
 */
final class RoutingView {
  /** Most changes replayed for the figures. */
  static final int CHANGES_MAX = 100_000;

  /** How many of the latest changes are listed. */
  static final int LATEST_SHOWN = 20;

  private final PgRoutingLog log;

  RoutingView(PgRoutingLog log) {
    this.log = log;
  }

  Outcome page(PageCall call) {
    Map<String, Object> model = new HashMap<>();
    model.put("title", "clearinghouse.routing.title");
    long version = log.latestVersion();
    List<PgRoutingLog.Change> changes = log.since(0, CHANGES_MAX);
    Map<String, String> servedBy = new HashMap<>();
    for (PgRoutingLog.Change change : changes) {
      if (change.repatriated()) {
        servedBy.remove(change.msisdn().digits());
      } else {
        servedBy.put(change.msisdn().digits(), change.operator().value());
      }
    }
    Map<String, Long> byOperator = new TreeMap<>();
    servedBy.values().forEach(operator -> byOperator.merge(operator, 1L, Long::sum));
    List<Map<String, Object>> latest = new ArrayList<>();
    for (int i = changes.size() - 1; i >= 0 && latest.size() < LATEST_SHOWN; i--) {
      latest.add(row(changes.get(i)));
    }
    model.put("version", version);
    model.put("ported", servedBy.size());
    model.put("byOperator", byOperator);
    model.put("latest", latest);
    model.put("partial", version > changes.size());
    lookup(call, model);
    return new Outcome.View((int) model.remove("status"), "clearinghouse/routing", model);
  }

  /** {@code ?msisdn=}: where the number is served from, or a message beside the field. */
  private void lookup(PageCall call, Map<String, Object> model) {
    String typed = call.query("msisdn").orElse("").trim();
    model.put("typed", typed);
    model.put("error", "");
    model.put("found", "");
    model.put("status", 200);
    if (typed.isEmpty()) {
      return;
    }
    if (!Msisdn.isWellFormed(typed)) {
      model.put("error", "clearinghouse.routing.invalid");
      model.put("status", 400);
      return;
    }
    model.put("found", log.operatorOf(new Msisdn(typed)).map(o -> o.value()).orElse("-"));
  }

  private static Map<String, Object> row(PgRoutingLog.Change change) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("version", change.version());
    row.put("msisdn", change.msisdn().digits());
    row.put("operator", change.operator().value());
    row.put("port", change.portId());
    row.put("repatriated", change.repatriated());
    row.put("at", change.at().toString());
    return row;
  }
}
