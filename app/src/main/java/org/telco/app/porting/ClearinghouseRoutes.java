package org.telco.app.porting;

import io.helidon.webserver.http.HttpService;
import java.util.Optional;
import org.telco.app.subscriber.MsisdnField;
import org.telco.porting.PortRequest;
import org.telco.porting.PortingDesk;
import org.telco.porting.PortingDesk.Answer;
import org.telco.porting.PortingNonce;
import org.telco.porting.PortingProof;
import org.telco.porting.PortingStore;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.Problem;
import org.telco.web.Reply;

/**
 * The clearinghouse's porting API (flow F4, docs/portability.md). The operators call it as peers,
 * with signed requests, and the signature names the caller: a donor deposits and completes only for
 * itself, a recipient verifies, accepts and declines only its own requests. Staff read the requests
 * with the admin key.
 */
final class ClearinghouseRoutes {
  /** The most ports of one number an operator is told about at once. */
  static final int NUMBER_PORTS_MAX = 20;

  private final PortingDesk desk;
  private final PortingStore store;

  ClearinghouseRoutes(PortingDesk desk, PortingStore store) {
    this.desk = desk;
    this.store = store;
  }

  HttpService service(Endpoints endpoints) {
    return rules ->
        rules
            .post("/porting/deposits", endpoints.handler(Access.PEER, this::deposit))
            .post("/porting/verifications", endpoints.handler(Access.PEER, this::verify))
            .post("/porting/requests/{id}/accept", endpoints.handler(Access.PEER, this::accept))
            .post("/porting/requests/{id}/decline", endpoints.handler(Access.PEER, this::decline))
            .post("/porting/requests/{id}/complete", endpoints.handler(Access.PEER, this::complete))
            .post("/porting/requests/of-number", endpoints.handler(Access.PEER, this::ofNumber))
            .get("/porting/requests/{id}", endpoints.handler(Access.ADMIN, this::read));
  }

  /** {@code {msisdn, nonce, proof}} from the donor: its result for the terminal's nonce. */
  private Reply deposit(Call call) {
    DepositJson json = call.body(DepositJson.class);
    Msisdn msisdn = MsisdnField.parse(json.msisdn());
    PortingNonce nonce =
        PortingNonce.parse(json.nonce())
            .orElseThrow(
                () -> Problem.invalidField("nonce", "nonce must be Base64url").toException());
    var deposit = desk.deposit(msisdn, caller(call), nonce, proof(json.proof()));
    return Reply.created(new DepositedJson(msisdn.digits(), deposit.expiresAt().toString()));
  }

  /** {@code {portId, msisdn, donor, proof}} from the recipient: verify, then the credit check. */
  private Reply verify(Call call) {
    VerificationJson json = call.body(VerificationJson.class);
    if (!PortRequest.isWellFormedId(json.portId())) {
      throw Problem.invalidField("portId", "portId must be 1-64 of A-Za-z0-9._:-").toException();
    }
    Msisdn msisdn = MsisdnField.parse(json.msisdn());
    OperatorId donor = operator(json.donor(), "donor");
    OperatorId recipient = caller(call);
    if (donor.equals(recipient)) {
      throw Problem.invalidField("donor", "a number ports to another operator").toException();
    }
    return answer(desk.verify(json.portId(), msisdn, donor, recipient, proof(json.proof())));
  }

  private Reply accept(Call call) {
    return answer(desk.accept(call.pathParameter("id"), caller(call)));
  }

  private Reply decline(Call call) {
    return answer(desk.decline(call.pathParameter("id"), caller(call)));
  }

  private Reply complete(Call call) {
    return answer(desk.complete(call.pathParameter("id"), caller(call)));
  }

  /**
   * {@code {msisdn}} from an operator: the number's ports it was donor or recipient of, newest
   * first. Other operators' ports of the number stay unseen.
   */
  private Reply ofNumber(Call call) {
    Msisdn msisdn = MsisdnField.parse(call.body(NumberPort.Query.class).msisdn());
    OperatorId operator = caller(call);
    return Reply.ok(
        new NumberPort.Answer(
            store.ofNumber(msisdn, operator, NUMBER_PORTS_MAX).stream()
                .map(request -> NumberPort.of(request, operator))
                .toList()));
  }

  private Reply read(Call call) {
    String id = call.pathParameter("id");
    return store
        .request(id)
        .map(request -> Reply.ok(PortRequestJson.of(request)))
        .orElseThrow(() -> unknown(id).toException());
  }

  private static Reply answer(Answer answer) {
    return switch (answer) {
      case Answer.Current current -> Reply.ok(PortRequestJson.of(current.request()));
      case Answer.NumberBusy busy ->
          throw new Problem(
                  409,
                  "number-busy",
                  "The number has a port under way",
                  "port " + busy.open().id() + " of this number is " + busy.open().state(),
                  "msisdn")
              .toException();
      case Answer.DonorUnavailable waiting ->
          throw new Problem(
                  503,
                  "donor-unavailable",
                  "The donor did not answer the credit query",
                  "port "
                      + waiting.request().id()
                      + " is VERIFIED; ask again under the same portId",
                  null)
              .toException();
      case Answer.Unknown unknown -> throw unknown(unknown.portId()).toException();
      case Answer.OutOfStep out ->
          throw new Problem(
                  409,
                  "out-of-step",
                  "The port is not at that step",
                  "port " + out.request().id() + " is " + out.request().state(),
                  null)
              .toException();
    };
  }

  private static Problem unknown(String portId) {
    return new Problem(
        404, "port-unknown", "No such port", "no port " + portId + " of yours", null);
  }

  /** The calling operator, as its signature names it. */
  private static OperatorId caller(Call call) {
    return new OperatorId(call.caller().name());
  }

  private static OperatorId operator(String raw, String field) {
    try {
      return new OperatorId(Optional.ofNullable(raw).orElse(""));
    } catch (IllegalArgumentException e) {
      throw Problem.invalidField(field, field + " must be an operator id").toException();
    }
  }

  private static PortingProof proof(String hex) {
    return PortingProof.parse(hex)
        .orElseThrow(
            () ->
                Problem.invalidField("proof", "proof must be 64 hexadecimal digits").toException());
  }

  /** A donor's deposit. */
  record DepositJson(String msisdn, String nonce, String proof) {}

  /** The deposit as kept: until when it is good. */
  record DepositedJson(String msisdn, String expiresAt) {}

  /** A recipient's verification request. */
  record VerificationJson(String portId, String msisdn, String donor, String proof) {}
}
