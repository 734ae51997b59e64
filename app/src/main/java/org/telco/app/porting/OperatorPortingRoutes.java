package org.telco.app.porting;

import io.helidon.webserver.http.HttpService;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import org.telco.app.porting.HttpDonors.ClosedJson;
import org.telco.app.porting.HttpDonors.ConfirmationJson;
import org.telco.app.porting.HttpDonors.CreditAnswerJson;
import org.telco.app.porting.HttpDonors.CreditQueryJson;
import org.telco.app.subscriber.MsisdnField;
import org.telco.porting.PortRejection;
import org.telco.porting.PortRequest;
import org.telco.porting.PortingHold;
import org.telco.porting.PortingHolds;
import org.telco.porting.PortingNonce;
import org.telco.porting.PortingProof;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.Plan;
import org.telco.subscriber.PlanCatalog;
import org.telco.subscriber.PlanId;
import org.telco.subscriber.ServicePassword;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberStore;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.PeerCallException;
import org.telco.web.Problem;
import org.telco.web.Reply;

/**
 * An operator's porting API (flow F4, docs/portability.md), for both of its roles. As donor: the
 * terminal's authorisation (partner key), the clearinghouse's credit query and compensation
 * confirmation (signed peer calls from the clearinghouse only), and staff's porting holds. As
 * recipient: the terminal's port-in request (partner key).
 */
final class OperatorPortingRoutes {
  private static final String CLEARINGHOUSE = "clearinghouse";

  private final DonorDesk donor;
  private final RecipientDesk recipient;
  private final SubscriberStore subscribers;
  private final PortingHolds holds;
  private final Supplier<PlanCatalog> plans;
  private final RoutingFeed routing;
  private final Clock clock;

  OperatorPortingRoutes(
      DonorDesk donor,
      RecipientDesk recipient,
      SubscriberStore subscribers,
      PortingHolds holds,
      Supplier<PlanCatalog> plans,
      RoutingFeed routing,
      Clock clock) {
    this.donor = donor;
    this.routing = routing;
    this.recipient = recipient;
    this.subscribers = subscribers;
    this.holds = holds;
    this.plans = plans;
    this.clock = clock;
  }

  HttpService service(Endpoints endpoints) {
    return rules ->
        rules
            .post("/porting/authorisations", endpoints.handler(Access.PARTNER, this::authorise))
            .post("/porting/port-ins", endpoints.handler(Access.PARTNER, this::portIn))
            .post("/porting/credit-queries", endpoints.handler(Access.PEER, this::creditQuery))
            .post(
                "/porting/compensation-confirmations",
                endpoints.handler(Access.PEER, this::confirmation))
            .put("/subscribers/{msisdn}/porting-hold", endpoints.handler(Access.ADMIN, this::hold))
            .post("/subscribers/{msisdn}/sim-swaps", endpoints.handler(Access.ADMIN, this::swap));
  }

  /**
   * {@code {msisdn, nonce}}: the terminal asks its operator to authorise a port. The answer gives
   * the salt and iterations the terminal derives its key with; they are not secret.
   */
  private Reply authorise(Call call) {
    AuthorisationJson json = call.body(AuthorisationJson.class);
    Msisdn msisdn = MsisdnField.parse(json.msisdn());
    PortingNonce nonce =
        PortingNonce.parse(json.nonce())
            .orElseThrow(
                () ->
                    Problem.invalidField("nonce", "nonce must be 16-64 bytes of Base64url")
                        .toException());
    Optional<PortRejection> refusal = donor.authorise(msisdn, nonce);
    if (refusal.isPresent()) {
      throw refused(refusal.get()).toException();
    }
    ServicePassword key = subscribers.find(msisdn).orElseThrow().password();
    return Reply.created(
        new AuthorisedJson(
            msisdn.digits(),
            Base64.getEncoder().withoutPadding().encodeToString(key.salt()),
            key.iterations()));
  }

  private Reply portIn(Call call) {
    PortInJson json = call.body(PortInJson.class);
    if (!PortRequest.isWellFormedId(json.portId())) {
      throw Problem.invalidField("portId", "portId must be 1-64 of A-Za-z0-9._:-").toException();
    }
    Msisdn msisdn = MsisdnField.parse(json.msisdn());
    if (PortingProof.parse(json.proof()).isEmpty()) {
      throw Problem.invalidField("proof", "proof must be 64 hexadecimal digits").toException();
    }
    Plan plan =
        plans
            .get()
            .find(new PlanId(json.planId() == null ? "" : json.planId()))
            .orElseThrow(() -> Problem.invalidField("planId", "no such plan").toException());
    if (json.servicePassword() == null || json.servicePassword().isBlank()) {
      throw Problem.invalidField("servicePassword", "servicePassword is required").toException();
    }
    RecipientDesk.Result result;
    try {
      result =
          recipient.portIn(
              new RecipientDesk.Order(
                  json.portId(),
                  msisdn,
                  json.donor(),
                  json.proof(),
                  plan,
                  json.servicePassword().toCharArray()));
    } catch (PeerCallException e) {
      throw passedOn(e).toException();
    }
    if (result.subscriber().isPresent()) {
      routing.catchUp(); // this end routes the number by the new record before it answers
    }
    return Reply.ok(
        new PortInResultJson(
            result.port(), result.subscriber().map(s -> s.state().name()).orElse(null)));
  }

  private Reply creditQuery(Call call) {
    requireClearinghouse(call);
    Msisdn msisdn = MsisdnField.parse(call.body(CreditQueryJson.class).msisdn());
    return Reply.ok(CreditAnswerJson.of(donor.creditQuery(msisdn)));
  }

  private Reply confirmation(Call call) {
    requireClearinghouse(call);
    ConfirmationJson json = call.body(ConfirmationJson.class);
    Msisdn msisdn = MsisdnField.parse(json.msisdn());
    long refunded = donor.close(json.portId(), msisdn);
    routing.catchUp(); // the clearinghouse recorded the routing before it confirmed
    Subscriber closed = subscribers.find(msisdn).orElseThrow();
    return Reply.ok(new ClosedJson(msisdn.digits(), closed.state().name(), refunded));
  }

  /** {@code {locked, lockInUntil, earlyTerminationFen}}: staff set the number's porting hold. */
  private Reply hold(Call call) {
    Msisdn msisdn = subscriber(call);
    HoldJson json = call.body(HoldJson.class);
    PortingHold before = holds.of(msisdn);
    PortingHold after;
    try {
      after =
          new PortingHold(
              msisdn,
              Boolean.TRUE.equals(json.locked()),
              before.simSwappedAt(),
              json.lockInUntil() == null ? null : Instant.parse(json.lockInUntil()),
              json.earlyTerminationFen() == null ? 0 : json.earlyTerminationFen());
    } catch (RuntimeException e) {
      throw Problem.invalidField(
              "earlyTerminationFen",
              "a lock-in date in ISO-8601 and an amount not below 0, only with a lock-in")
          .toException();
    }
    holds.put(after);
    return Reply.ok(HoldJson.of(after));
  }

  /** Staff record that the number's SIM was replaced now. */
  private Reply swap(Call call) {
    Msisdn msisdn = subscriber(call);
    PortingHold before = holds.of(msisdn);
    PortingHold after =
        new PortingHold(
            msisdn,
            before.locked(),
            clock.instant(),
            before.lockInUntil(),
            before.earlyTerminationFen());
    holds.put(after);
    return Reply.ok(HoldJson.of(after));
  }

  private Msisdn subscriber(Call call) {
    Msisdn msisdn = MsisdnField.parse(call.pathParameter("msisdn"));
    if (subscribers.find(msisdn).isEmpty()) {
      throw new Problem(
              404, "not-found", "No such subscriber", "no subscriber " + msisdn.digits(), "msisdn")
          .toException();
    }
    return msisdn;
  }

  private static void requireClearinghouse(Call call) {
    if (!call.caller().name().equals(CLEARINGHOUSE)) {
      throw new Problem(403, "forbidden", "Only the clearinghouse asks this", null, null)
          .toException();
    }
  }

  static Problem refused(PortRejection reason) {
    int status = reason == PortRejection.UNKNOWN_NUMBER ? 404 : 403;
    return new Problem(status, reason.code(), "The port was refused", reason.sentence(), "msisdn");
  }

  /**
   * The clearinghouse's problem passed on to the terminal with its status, code and detail (such as
   * {@code number-busy}); a clearinghouse that was not reached is a 502.
   */
  private static Problem passedOn(PeerCallException e) {
    if (e.status() < 400 || e.status() > 599) {
      return new Problem(
          502, "clearinghouse-unreachable", "The clearinghouse did not answer", null, null);
    }
    try {
      var problem = org.telco.web.Json.mapper().readTree(e.answer());
      return new Problem(
          e.status(),
          problem.path("code").asText("clearinghouse-refused"),
          problem.path("title").asText("The clearinghouse refused a step"),
          problem.path("detail").asText(null),
          problem.path("field").asText(null));
    } catch (java.io.IOException | RuntimeException unreadable) {
      return new Problem(
          e.status(), "clearinghouse-refused", "The clearinghouse refused a step", null, null);
    }
  }

  /** The terminal's authorisation request. */
  record AuthorisationJson(String msisdn, String nonce) {}

  /** What the terminal derives its key with: the salt (Base64) and PBKDF2 iterations. */
  record AuthorisedJson(String msisdn, String salt, int iterations) {}

  /** The terminal's port-in request to the recipient. */
  record PortInJson(
      String portId,
      String msisdn,
      String donor,
      String proof,
      String planId,
      String servicePassword) {}

  /** Where the port stands, and the subscriber's status here once activated. */
  record PortInResultJson(PortRequestJson port, String subscriberStatus) {}

  /** A porting hold. */
  record HoldJson(
      Boolean locked, String simSwappedAt, String lockInUntil, Long earlyTerminationFen) {
    static HoldJson of(PortingHold hold) {
      return new HoldJson(
          hold.locked(),
          hold.simSwappedAt() == null ? null : hold.simSwappedAt().toString(),
          hold.lockInUntil() == null ? null : hold.lockInUntil().toString(),
          hold.earlyTerminationFen());
    }
  }
}
