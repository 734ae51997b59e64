package org.telco.app.credit;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import org.telco.app.subscriber.MsisdnField;
import org.telco.credit.AdvanceStore;
import org.telco.credit.AdvanceSummary;
import org.telco.credit.EmergencyCreditPolicy;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.SubscriberStore;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.Reply;

/**
 * Emergency credit for the operator's staff: every advance of a number, oldest first, and the
 * operator's totals with the policy in force.
 */
final class EmergencyCreditRoutes implements HttpService {
  private final AdvanceStore advances;
  private final SubscriberStore subscribers;
  private final EmergencyCreditPolicy policy;
  private final Endpoints endpoints;

  EmergencyCreditRoutes(
      AdvanceStore advances,
      SubscriberStore subscribers,
      EmergencyCreditPolicy policy,
      Endpoints endpoints) {
    this.advances = advances;
    this.subscribers = subscribers;
    this.policy = policy;
    this.endpoints = endpoints;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/subscribers/{msisdn}/advances", endpoints.handler(Access.ADMIN, this::advancesOf))
        .get("/emergency-credit/summary", endpoints.handler(Access.ADMIN, call -> summary()));
  }

  private Reply advancesOf(Call call) {
    Msisdn msisdn = MsisdnField.subscriberIn(subscribers, call.pathParameter("msisdn")).msisdn();
    return Reply.ok(advances.of(msisdn).stream().map(AdvanceJson::of).toList());
  }

  private Reply summary() {
    AdvanceSummary summary = advances.summary();
    return Reply.ok(
        new SummaryJson(
            summary.advances(),
            summary.advancedFen(),
            summary.repaidFen(),
            summary.outstandingFen(),
            summary.defaultedFen(),
            summary.defaults(),
            PolicyJson.of(policy)));
  }

  /**
   * {@code GET /api/v1/emergency-credit/summary}.
   *
   * @param advances how many advances were granted
   * @param advancedFen everything advanced
   * @param repaidFen everything that came back, in time or after a default
   * @param outstandingFen owed on advances not defaulted (yet): their deadline has not fired
   * @param defaultedFen owed on advances their deadline defaulted
   * @param defaults how many advances defaulted, recovered since or not
   * @param policy the rules in force
   */
  record SummaryJson(
      long advances,
      long advancedFen,
      long repaidFen,
      long outstandingFen,
      long defaultedFen,
      long defaults,
      PolicyJson policy) {}
}
