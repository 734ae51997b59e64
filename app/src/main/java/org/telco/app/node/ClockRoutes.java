package org.telco.app.node;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.telco.time.SimulatedClock;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.Problem;
import org.telco.web.Reply;

/**
 * Reads the node's clock and, on a simulated-clock platform, moves it forward: {@code POST
 * /api/v1/admin/clock/advance {"seconds": N}}. After moving it fires every timer that fell due, on
 * every node sharing the clock, before answering, so a demo sees the effects at once.
 */
public final class ClockRoutes implements HttpService {
  /** The most one call may advance: ten years. */
  public static final long ADVANCE_SECONDS_MAX = 10L * 366 * 24 * 3600;

  private final Clock clock;
  private final Runnable fireDueTimers;
  private final Endpoints endpoints;

  /** Routes over the node's clock; {@code fireDueTimers} runs after each advance. */
  public ClockRoutes(Clock clock, Runnable fireDueTimers, Endpoints endpoints) {
    this.clock = clock;
    this.fireDueTimers = fireDueTimers;
    this.endpoints = endpoints;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/", endpoints.handler(Access.ADMIN, call -> now()))
        .post("/advance", endpoints.handler(Access.ADMIN, this::advance));
  }

  private Reply now() {
    return Reply.ok(
        Map.of("now", clock.instant().toString(), "simulated", clock instanceof SimulatedClock));
  }

  private Reply advance(Call call) {
    if (!(clock instanceof SimulatedClock simulated)) {
      throw new Problem(
              409,
              "clock-not-simulated",
              "The clock is real",
              "start the platform with --clock simulated to move time",
              null)
          .toException();
    }
    AdvanceJson request = call.body(AdvanceJson.class);
    if (request.seconds() == null
        || request.seconds() < 0
        || request.seconds() > ADVANCE_SECONDS_MAX) {
      throw Problem.invalidField("seconds", "seconds must be from 0 to " + ADVANCE_SECONDS_MAX)
          .toException();
    }
    simulated.advance(Duration.ofSeconds(request.seconds()));
    fireDueTimers.run();
    return now();
  }

  /**
   * The advance request.
   *
   * @param seconds how far to move the clock
   */
  record AdvanceJson(Long seconds) {}
}
