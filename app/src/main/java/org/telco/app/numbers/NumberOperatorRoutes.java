package org.telco.app.numbers;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.telco.app.subscriber.MsisdnField;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.OperatorProfiles;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.Problem;
import org.telco.web.Reply;

/**
 * {@code GET /api/v1/numbers/{msisdn}/operator}: which operator serves a number, and where its API
 * is, so that a partner (the address-book agent of flow F2, a bank) can ask that operator for the
 * number's status and plans and pay there. Every node answers it, the clearinghouse included.
 *
 * <p>The answer follows the operators' number ranges ({@code operators.json}); once number
 * portability (F4) distributes its routing data, a ported number is answered with its recipient.
 * Whether the number is a subscriber is the serving operator's status query's business.
 */
public final class NumberOperatorRoutes implements HttpService {
  private final OperatorProfiles operators;
  private final Map<String, String> apiUrls;
  private final Function<Msisdn, Optional<OperatorId>> portedTo;
  private final Endpoints endpoints;

  /**
   * Routes over the platform's operators.
   *
   * @param apiUrls the base URL of each node, by node name (the operator's id)
   * @param portedTo where a number was ported to, by this node's routing data
   */
  public NumberOperatorRoutes(
      OperatorProfiles operators,
      Map<String, String> apiUrls,
      Function<Msisdn, Optional<OperatorId>> portedTo,
      Endpoints endpoints) {
    this.operators = operators;
    this.apiUrls = Map.copyOf(apiUrls);
    this.portedTo = portedTo;
    this.endpoints = endpoints;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/numbers/{msisdn}/operator", endpoints.handler(Access.PARTNER, this::operatorOf));
  }

  private Reply operatorOf(Call call) {
    Msisdn msisdn = MsisdnField.parse(call.pathParameter("msisdn"));
    Optional<OperatorId> ported = portedTo.apply(msisdn);
    OperatorProfile operator =
        ported
            .flatMap(operators::find)
            .or(() -> operators.owner(msisdn))
            .orElseThrow(
                () ->
                    new Problem(
                            404,
                            "number-not-allocated",
                            "No operator serves this number",
                            msisdn.digits() + " is in no operator's number ranges",
                            "msisdn")
                        .toException());
    String id = operator.id().value();
    return Reply.ok(
        new NumberOperatorJson(
            msisdn.digits(),
            id,
            operator.name(),
            operator.mcc(),
            operator.mnc(),
            apiUrls.get(id),
            ported.isPresent()));
  }

  /**
   * The answer.
   *
   * @param msisdn the number asked about
   * @param operatorId the serving operator's id (its node name)
   * @param operatorName its name
   * @param mcc its mobile country code
   * @param mnc its mobile network code
   * @param apiUrl the base URL of its node, absent when this node does not know it
   * @param ported whether the number was ported to this operator (by the routing database)
   */
  record NumberOperatorJson(
      String msisdn,
      String operatorId,
      String operatorName,
      String mcc,
      String mnc,
      String apiUrl,
      boolean ported) {}
}
