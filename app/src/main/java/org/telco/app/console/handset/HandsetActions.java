package org.telco.app.console.handset;

import java.util.List;
import java.util.Map;
import org.telco.app.console.NodeApi;
import org.telco.app.console.NodeApi.Key;
import org.telco.app.console.Outcome;
import org.telco.app.console.PageCall;
import org.telco.sms.ShortMessage;

/**
 * What the phone does when a form is sent: text someone, buy a traffic pack, bind a traffic card,
 * move a bucket up the usage priority. Fields are checked here first so that a typo gets its
 * message beside the field without a call; what only the operator can judge (the line is barred,
 * the card is bound elsewhere) comes back from the API and is shown beside the field the refusal
 * names. A refused form changes nothing and answers the page again with the message and 400 (or the
 * API's own 4xx); a form that worked redirects back to the phone, so reloading does not send it
 * again.
 */
final class HandsetActions {
  private static final List<String> SMS_FIELDS = List.of("to", "text");
  private static final List<String> PACK_FIELDS = List.of("productId");
  private static final List<String> CARD_FIELDS = List.of("cardId");

  private final NodeApi api;
  private final HandsetReads reads;
  private final HandsetSimulatorRoutes pages;

  HandsetActions(NodeApi api, HandsetReads reads, HandsetSimulatorRoutes pages) {
    this.api = api;
    this.reads = reads;
    this.pages = pages;
  }

  Outcome sendSms(PageCall call) {
    String msisdn = call.pathParameter("msisdn");
    Language language = Language.of(call);
    String to = call.field("to").trim();
    String text = call.field("text");
    FieldErrors errors = new FieldErrors(language);
    if (!ShortMessage.isDestination(to)) {
      errors.reject("to", "handset.error.to");
    }
    if (text.isBlank() || text.length() > ShortMessage.TEXT_MAX) {
      errors.reject("text", "handset.error.text");
    }
    if (errors.any()) {
      return refused(call, msisdn, language, errors, 400);
    }
    NodeApi.Answer sent =
        api.post("/handsets/" + msisdn + "/sms", Key.PARTNER, Map.of("to", to, "text", text));
    if (!sent.ok()) {
      return refused(call, msisdn, language, errors.refused(sent, SMS_FIELDS), sent.status());
    }
    return back(msisdn, language, "done=sms");
  }

  /**
   * Buys a product in one go: the platform runs the two phases (pre-authentication and
   * pre-deduction, then the confirmations) and voids on any failure. The form carries a purchase id
   * made when the page was drawn, so sending it twice buys once.
   */
  Outcome buyPack(PageCall call) {
    String msisdn = call.pathParameter("msisdn");
    Language language = Language.of(call);
    String productId = call.field("productId").trim();
    String purchaseId = call.field("purchaseId").trim();
    FieldErrors errors = new FieldErrors(language);
    if (!productId.matches("[a-z0-9-]{1,40}")) {
      errors.reject("productId", "handset.error.product");
      return refused(call, msisdn, language, errors, 400);
    }
    NodeApi.Answer bought =
        api.post(
            "/traffic/purchases",
            Key.ADMIN,
            Map.of("id", purchaseId, "msisdn", msisdn, "productId", productId));
    if (!bought.ok()) {
      return refused(call, msisdn, language, errors.refused(bought, PACK_FIELDS), bought.status());
    }
    return back(msisdn, language, "done=pack&purchase=" + bought.body().path("id").asText());
  }

  /** Binds a card (as printed: TC and 12 letters or digits) to this number. */
  Outcome bindCard(PageCall call) {
    String msisdn = call.pathParameter("msisdn");
    Language language = Language.of(call);
    String cardId = call.field("cardId").trim().toUpperCase(java.util.Locale.ROOT);
    FieldErrors errors = new FieldErrors(language);
    if (!cardId.matches("TC[A-Z0-9]{12}")) {
      errors.reject("cardId", "handset.error.card");
      return refused(call, msisdn, language, errors, 400);
    }
    NodeApi.Answer bound =
        api.post("/traffic/cards/" + cardId + "/bind", Key.ADMIN, Map.of("msisdn", msisdn));
    if (!bound.ok()) {
      return refused(call, msisdn, language, errors.refused(bound, CARD_FIELDS), bound.status());
    }
    return back(msisdn, language, "done=card");
  }

  /**
   * Moves one bucket a place earlier in the usage priority: the user reorders, and the API checks
   * that the new order names every live bucket once (a bucket that ended meanwhile refuses it).
   */
  Outcome moveUp(PageCall call) {
    String msisdn = call.pathParameter("msisdn");
    Language language = Language.of(call);
    List<String> order = new java.util.ArrayList<>();
    reads.buckets(msisdn).forEach(bucket -> order.add((String) bucket.get("id")));
    int at = order.indexOf(call.field("bucketId"));
    FieldErrors errors = new FieldErrors(language);
    if (at < 1) {
      return refused(
          call, msisdn, language, errors.reject("bucketId", "handset.error.bucket"), 400);
    }
    order.add(at - 1, order.remove(at));
    NodeApi.Answer moved =
        api.put(
            "/subscribers/" + msisdn + "/buckets/priority", Key.ADMIN, Map.of("bucketIds", order));
    if (!moved.ok()) {
      return refused(
          call, msisdn, language, errors.refused(moved, List.of("bucketId")), moved.status());
    }
    return back(msisdn, language, "done=order");
  }

  private Outcome refused(
      PageCall call, String msisdn, Language language, FieldErrors errors, int status) {
    Map<String, Object> model = pages.phoneModel(msisdn, language);
    model.put("errors", errors.asMap());
    model.put("typed", HandsetSimulatorRoutes.typedFields(call.form()));
    return new Outcome.View(status / 100 == 4 ? status : 400, "handset/phone", model);
  }

  private static Outcome back(String msisdn, Language language, String query) {
    return new Outcome.Redirect(
        HandsetSimulatorRoutes.ROOT + "/" + msisdn + "?lang=" + language.tag() + "&" + query);
  }
}
