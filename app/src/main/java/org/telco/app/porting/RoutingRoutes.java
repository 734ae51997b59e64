package org.telco.app.porting;

import io.helidon.webserver.http.HttpService;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.telco.app.subscriber.MsisdnField;
import org.telco.porting.routing.Routing;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.Problem;
import org.telco.web.Reply;

/**
 * {@code GET /api/v1/routing/{msisdn}} on every node (partner key): who serves a number, by the
 * routing database (the clearinghouse's own, an operator's replica) and, for a number never ported,
 * by the number ranges.
 */
final class RoutingRoutes {
  private final Function<Msisdn, Optional<Routing>> ported;
  private final RoutingNumbers numbers;
  private final LongSupplier version;
  private final RoutingFeed feed;

  /**
   * Routes over a routing lookup.
   *
   * @param ported where a number was ported to, if it was
   * @param version the version of the routing data the lookup reads
   * @param feed an operator's replica feed, which the clearinghouse's hints wake; null on the
   *     clearinghouse
   */
  RoutingRoutes(
      Function<Msisdn, Optional<Routing>> ported,
      RoutingNumbers numbers,
      LongSupplier version,
      RoutingFeed feed) {
    this.ported = ported;
    this.numbers = numbers;
    this.version = version;
    this.feed = feed;
  }

  HttpService service(Endpoints endpoints) {
    return rules -> {
      rules.get("/routing/{msisdn}", endpoints.handler(Access.PARTNER, this::lookup));
      if (feed != null) {
        rules.post("/routing/notifications", endpoints.handler(Access.PEER, this::hinted));
      }
    };
  }

  /** The clearinghouse's hint that its log grew: fetch now. */
  private Reply hinted(Call call) {
    if (!call.caller().name().equals("clearinghouse")) {
      throw new Problem(403, "forbidden", "Only the clearinghouse sends this", null, null)
          .toException();
    }
    feed.catchUp();
    return Reply.ok(new RoutingJson.Notice(feed.version()));
  }

  private Reply lookup(Call call) {
    Msisdn msisdn = MsisdnField.parse(call.pathParameter("msisdn"));
    long asOf = version.getAsLong();
    Optional<Routing> routing = ported.apply(msisdn);
    if (routing.isPresent()) {
      return Reply.ok(
          new RoutingJson.Lookup(
              msisdn.digits(),
              routing.get().recipient().value(),
              true,
              routing.get().routingNumber().digits(),
              asOf));
    }
    OperatorId holder =
        numbers
            .rangeHolder(msisdn)
            .orElseThrow(
                () ->
                    new Problem(
                            404,
                            "number-not-allocated",
                            "No operator serves this number",
                            msisdn.digits() + " is in no operator's number ranges",
                            "msisdn")
                        .toException());
    return Reply.ok(new RoutingJson.Lookup(msisdn.digits(), holder.value(), false, null, asOf));
  }
}
