package org.telco.app.porting;

import io.helidon.webserver.http.HttpService;
import java.util.List;
import org.telco.storage.porting.PgRoutingLog;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.Problem;
import org.telco.web.Reply;

/**
 * {@code POST /api/v1/routing/changes {after, limit}} on the clearinghouse (signed peer calls): a
 * page of the routing change log after a version, which the operators' {@link RoutingFeed}s replay.
 */
final class ChangeLogRoutes {
  /** Most changes in one page. */
  static final int LIMIT_MAX = 10_000;

  private final PgRoutingLog log;
  private final RoutingNumbers numbers;

  ChangeLogRoutes(PgRoutingLog log, RoutingNumbers numbers) {
    this.log = log;
    this.numbers = numbers;
  }

  HttpService service(Endpoints endpoints) {
    return rules -> rules.post("/routing/changes", endpoints.handler(Access.PEER, this::changes));
  }

  private Reply changes(Call call) {
    RoutingJson.ChangesQuery query = call.body(RoutingJson.ChangesQuery.class);
    if (query.after() < 0) {
      throw Problem.invalidField("after", "after is a version, 0 or more").toException();
    }
    if (query.limit() < 1 || query.limit() > LIMIT_MAX) {
      throw Problem.invalidField("limit", "limit is 1-" + LIMIT_MAX).toException();
    }
    long latest = log.latestVersion();
    List<RoutingJson.Change> changes =
        log.since(query.after(), query.limit()).stream().map(this::json).toList();
    return Reply.ok(new RoutingJson.Changes(latest, changes));
  }

  private RoutingJson.Change json(PgRoutingLog.Change change) {
    String routingNumber =
        change.repatriated() ? null : numbers.routingTo(change.operator()).routingNumber().digits();
    return new RoutingJson.Change(
        change.version(),
        change.msisdn().digits(),
        change.operator().value(),
        routingNumber,
        change.repatriated());
  }
}
