package org.telco.app.charging;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpService;
import java.util.Map;
import java.util.Optional;
import org.telco.app.nchf.ChargingDataReading;
import org.telco.app.nchf.ChargingDataRequest;
import org.telco.app.nchf.NchfRequests;
import org.telco.app.nchf.ProblemDetails;
import org.telco.charging.ChargingRef;
import org.telco.charging.ChargingRequest;
import org.telco.subscriber.Imsi;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.SimDirectory;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.Json;
import org.telco.web.Reply;

/**
 * The CHF's Nchf_ConvergedCharging service (TS 32.291 Rel-17) on an operator node: {@code POST
 * /nchf-convergedcharging/v3/chargingdata} creates a charging session (201, {@code Location}),
 * {@code .../{ChargingDataRef}/update} updates it (200), {@code .../release} ends it (204). Bodies
 * are read strictly ({@link NchfRequests}); failures are 3GPP ProblemDetails with a {@code cause}:
 * 400 for malformed requests, 404 USER_UNKNOWN for a number that is not ours, 403
 * END_USER_REQUEST_DENIED for one that may not use data, 404 CONTEXT_NOT_FOUND for an unknown or
 * released session. The SMF authenticates with the operator's network-function key. A subscriber is
 * named by its GPSI, or by the SUPI of its SIM as the SIM directory has it.
 */
final class NchfRoutes {
  /** Where the service lives. */
  static final String ROOT = "/nchf-convergedcharging/v3";

  private static final String JSON = "application/json";
  private static final String PROBLEM = "application/problem+json";

  private final OnlineCharging charging;
  private final SimDirectory sims;

  NchfRoutes(OnlineCharging charging, SimDirectory sims) {
    this.charging = charging;
    this.sims = sims;
  }

  HttpService service(Endpoints endpoints) {
    return rules ->
        rules
            .post("/chargingdata", endpoints.handler(Access.NETWORK_FUNCTION, this::create))
            .post(
                "/chargingdata/{ref}/update",
                endpoints.handler(Access.NETWORK_FUNCTION, this::update))
            .post(
                "/chargingdata/{ref}/release",
                endpoints.handler(Access.NETWORK_FUNCTION, this::release));
  }

  private Reply create(Call call) {
    ChargingDataRequest wire;
    ChargingRequest request;
    try {
      wire = read(call);
      request = NchfMapping.request(wire);
    } catch (NchfMapping.Rejected rejected) {
      return problem(rejected.problem);
    }
    Optional<Msisdn> subscriber =
        NchfMapping.subscriber(wire)
            .or(() -> Imsi.fromSupi(wire.subscriberIdentifier()).flatMap(sims::numberOf));
    if (subscriber.isEmpty()) {
      return problem(
          NchfMapping.problem(
              404,
              "Not Found",
              "USER_UNKNOWN",
              "no subscriber named by a GPSI msisdn-<digits> (servedGPSI or subscriberIdentifier)"
                  + " or by the SUPI imsi-<digits> of a SIM on record"));
    }
    OnlineCharging.Outcome outcome = charging.create(subscriber.get(), wire.notifyUri(), request);
    if (outcome instanceof OnlineCharging.Outcome.Answered answered) {
      String location = location(call, answered.session().ref());
      return answer(201, answered, request, Map.of("Location", location));
    }
    return failure(outcome);
  }

  private Reply update(Call call) {
    return apply(call, false);
  }

  private Reply release(Call call) {
    return apply(call, true);
  }

  private Reply apply(Call call, boolean release) {
    String raw = call.pathParameter("ref");
    ChargingRequest request;
    try {
      request = NchfMapping.request(read(call));
    } catch (NchfMapping.Rejected rejected) {
      return problem(rejected.problem);
    }
    if (!ChargingRef.isWellFormed(raw)) {
      return failure(new OnlineCharging.Outcome.SessionUnknown());
    }
    ChargingRef ref = new ChargingRef(raw);
    OnlineCharging.Outcome outcome =
        release ? charging.release(ref, request) : charging.update(ref, request);
    if (outcome instanceof OnlineCharging.Outcome.Answered answered) {
      return release
          ? Reply.encoded(204, JSON, new byte[0], Map.of())
          : answer(200, answered, request, Map.of());
    }
    return failure(outcome);
  }

  private static ChargingDataRequest read(Call call) throws NchfMapping.Rejected {
    return switch (NchfRequests.read(call.body())) {
      case ChargingDataReading.Valid valid -> valid.request();
      case ChargingDataReading.Invalid invalid -> throw new NchfMapping.Rejected(invalid.problem());
    };
  }

  private static Reply answer(
      int status,
      OnlineCharging.Outcome.Answered answered,
      ChargingRequest request,
      Map<String, String> headers) {
    byte[] body =
        Json.write(
            NchfMapping.response(
                answered.session().updatedAt(), request.sequence(), answered.answers()));
    return Reply.encoded(status, JSON, body, headers);
  }

  private static Reply failure(OnlineCharging.Outcome outcome) {
    return problem(
        switch (outcome) {
          case OnlineCharging.Outcome.UserUnknown unknown ->
              NchfMapping.problem(
                  404, "Not Found", "USER_UNKNOWN", "the number is not a subscriber here");
          case OnlineCharging.Outcome.Denied denied ->
              NchfMapping.problem(
                  403, "Forbidden", "END_USER_REQUEST_DENIED", "the number may not use data now");
          case OnlineCharging.Outcome.SessionUnknown unknown ->
              NchfMapping.problem(
                  404, "Not Found", "CONTEXT_NOT_FOUND", "no such charging data resource");
          case OnlineCharging.Outcome.SessionEnded ended ->
              NchfMapping.problem(
                  404, "Not Found", "CONTEXT_NOT_FOUND", "the charging data resource was released");
          case OnlineCharging.Outcome.OutOfSequence stale ->
              NchfMapping.problem(
                  400,
                  "Bad Request",
                  "CHARGING_FAILED",
                  "invocationSequenceNumber is older than the session's last one");
          case OnlineCharging.Outcome.Answered answered ->
              throw new IllegalArgumentException("an answer is not a failure");
        });
  }

  private static Reply problem(ProblemDetails problem) {
    return Reply.encoded(problem.status(), PROBLEM, Json.write(problem), Map.of());
  }

  /** The new resource's URI, absolute, on the host the SMF called. */
  private static String location(Call call, ChargingRef ref) {
    String host = call.request().headers().first(HeaderNames.HOST).orElse("localhost");
    return "http://" + host + ROOT + "/chargingdata/" + ref.value();
  }
}
