package org.telco.app.subscriber;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import org.telco.subscriber.Imsi;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.SimDirectory;
import org.telco.subscriber.SubscriberStore;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.Problem;
import org.telco.web.Reply;

/**
 * Which SIM a subscriber uses: {@code PUT /api/v1/subscribers/{msisdn}/sim {imsi}} gives the number
 * a SIM (a new one replaces the old), {@code GET} reads it. The charging function needs it to find
 * the subscriber an SMF names only by its SUPI {@code imsi-<digits>} (docs/traffic.md).
 */
public final class SimRoutes implements HttpService {
  private final SubscriberStore subscribers;
  private final SimDirectory sims;
  private final Endpoints endpoints;

  /** Routes over the operator's subscribers and SIM directory. */
  public SimRoutes(SubscriberStore subscribers, SimDirectory sims, Endpoints endpoints) {
    this.subscribers = subscribers;
    this.sims = sims;
    this.endpoints = endpoints;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .put("/subscribers/{msisdn}/sim", endpoints.handler(Access.ADMIN, this::assign))
        .get("/subscribers/{msisdn}/sim", endpoints.handler(Access.ADMIN, this::read));
  }

  private Reply assign(Call call) {
    Msisdn msisdn = subscriber(call);
    Imsi imsi = imsi(call.body(SimJson.class).imsi());
    return switch (sims.assign(msisdn, imsi)) {
      case ASSIGNED, UNCHANGED -> Reply.ok(new SimJson(msisdn.digits(), imsi.digits()));
      case TAKEN ->
          throw new Problem(
                  409,
                  "sim-taken",
                  "The SIM serves another number",
                  "IMSI " + imsi + " is another subscriber's SIM",
                  "imsi")
              .toException();
    };
  }

  private Reply read(Call call) {
    Msisdn msisdn = subscriber(call);
    Imsi imsi =
        sims.simOf(msisdn)
            .orElseThrow(
                () ->
                    new Problem(
                            404, "sim-unknown", "Not found", msisdn + " has no SIM on record", null)
                        .toException());
    return Reply.ok(new SimJson(msisdn.digits(), imsi.digits()));
  }

  private Msisdn subscriber(Call call) {
    return MsisdnField.subscriberIn(subscribers, call.pathParameter("msisdn")).msisdn();
  }

  private static Imsi imsi(String raw) {
    if (raw == null || !Imsi.isWellFormed(raw)) {
      throw Problem.invalidField(
              "imsi", "imsi must be " + Imsi.LENGTH_MIN + "-" + Imsi.LENGTH_MAX + " digits")
          .toException();
    }
    return new Imsi(raw);
  }

  /**
   * A number and its SIM.
   *
   * @param msisdn the number (ignored in a request: the path names it)
   * @param imsi the SIM's IMSI, 5 to 15 digits
   */
  record SimJson(String msisdn, String imsi) {}
}
