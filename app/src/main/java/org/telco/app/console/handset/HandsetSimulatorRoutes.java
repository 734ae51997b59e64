package org.telco.app.console.handset;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.telco.app.console.Console;
import org.telco.app.console.NavLink;
import org.telco.app.console.NodeApi;
import org.telco.app.console.Outcome;
import org.telco.app.console.PageCall;
import org.telco.app.console.Permission;

/**
 * The handset simulator under {@code /console/handset} (docs/console.md): a phone for any number of
 * this operator, in Chinese or English, with its inbox, SMS, balance, advances, data buckets,
 * traffic packs and cards, the address-book autopay and a TV box. It is a console page: only a
 * logged-in user (admin or care) reaches it, since it acts as the subscriber. Everything it shows
 * or does goes through the operator's API ({@link NodeApi}), as the phone app it stands for would.
 */
public final class HandsetSimulatorRoutes implements HttpService {
  /** The simulator's entries in the operator console's navigation bar. */
  public static final List<NavLink> NAVIGATION =
      List.of(new NavLink(Console.ROOT + "/handset", "handset.nav"));

  static final String ROOT = Console.ROOT + "/handset";

  /** What a form that worked can report after its redirect ({@code ?done=}). */
  private static final java.util.Set<String> DONE =
      java.util.Set.of("sms", "pack", "card", "order");

  private final Console console;
  private final HandsetReads reads;
  private final HandsetActions actions;
  private final AutopayPage autopay;
  private final TvBoxPages tvBoxes;
  private final List<String> shortCodes;

  /**
   * The simulator of one operator.
   *
   * @param api the operator node's own API
   * @param shortCodes the operator's short codes, the service short code first
   * @param autopay the address-book agent's settings
   */
  public HandsetSimulatorRoutes(
      Console console, NodeApi api, List<String> shortCodes, AutopayPage.Network autopay) {
    this.console = console;
    this.reads = new HandsetReads(api);
    this.actions = new HandsetActions(api, reads, this);
    this.autopay = new AutopayPage(autopay, this);
    this.tvBoxes = new TvBoxPages(api);
    this.shortCodes = List.copyOf(shortCodes);
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/handset", console.page(Permission.VIEW, this::start))
        .get("/handset/tvbox", console.page(Permission.VIEW, tvBoxes::start))
        .post("/handset/tvbox", console.page(Permission.VIEW, tvBoxes::powerOn))
        .get("/handset/tvbox/{deviceId}", console.page(Permission.VIEW, tvBoxes::screen))
        .get("/handset/tvbox/{deviceId}/status", console.page(Permission.VIEW, tvBoxes::status))
        .get("/handset/{msisdn}", console.page(Permission.VIEW, this::phone))
        .get("/handset/{msisdn}/account", console.page(Permission.VIEW, this::account))
        .get("/handset/{msisdn}/inbox", console.page(Permission.VIEW, this::inbox))
        .post("/handset/{msisdn}/sms", console.page(Permission.VIEW, actions::sendSms))
        .post("/handset/{msisdn}/packs", console.page(Permission.VIEW, actions::buyPack))
        .post("/handset/{msisdn}/cards", console.page(Permission.VIEW, actions::bindCard))
        .post("/handset/{msisdn}/priority", console.page(Permission.VIEW, actions::moveUp))
        .post("/handset/{msisdn}/autopay", console.page(Permission.VIEW, autopay::run));
  }

  /** The number picker: {@code ?msisdn=} opens that number's phone, bad input is refused. */
  private Outcome start(PageCall call) {
    Language language = Language.of(call);
    Map<String, Object> model = base(language, "handset.start.title");
    model.put("errors", new FieldErrors(language).asMap());
    model.put("typed", "");
    String typed = call.query("msisdn").orElse("").trim();
    if (call.query("msisdn").isEmpty()) {
      return Outcome.View.ok("handset/start", model);
    }
    if (!typed.matches("[0-9]{8,15}")) {
      model.put(
          "errors", new FieldErrors(language).reject("msisdn", "handset.error.msisdn").asMap());
      model.put("typed", typed);
      return new Outcome.View(400, "handset/start", model);
    }
    return new Outcome.Redirect(ROOT + "/" + typed + "?lang=" + language.tag());
  }

  private Outcome phone(PageCall call) {
    String msisdn = call.pathParameter("msisdn");
    if (!msisdn.matches("[0-9]{8,15}")) {
      return new Outcome.View(404, "not-found", Map.of("what", msisdn));
    }
    Language language = Language.of(call);
    Map<String, Object> model = phoneModel(msisdn, language);
    call.query("purchase")
        .filter(id -> id.matches("[A-Za-z0-9._-]{1,64}"))
        .ifPresent(id -> model.put("purchase", reads.purchase(id)));
    call.query("done")
        .filter(DONE::contains)
        .ifPresent(done -> model.put("notice", "handset.done." + done));
    return Outcome.View.ok("handset/phone", model);
  }

  /**
   * The phone page's model with no message shown: the fragments' facts, the forms' empty fields, a
   * fresh purchase id (so a form sent twice buys once) and the short codes to text.
   */
  Map<String, Object> phoneModel(String msisdn, Language language) {
    Map<String, Object> model = base(language, "handset.title");
    model.putAll(accountModel(msisdn));
    model.put("msisdn", msisdn);
    model.put("messages", reads.inbox(msisdn));
    model.put("products", reads.products());
    model.put("shortCodes", shortCodes);
    model.put("errors", new FieldErrors(language).asMap());
    model.put("typed", typedFields(Map.of()));
    model.put("purchaseId", "hs-" + UUID.randomUUID());
    model.put("purchase", Map.of());
    model.put("notice", "");
    return model;
  }

  private Map<String, Object> accountModel(String msisdn) {
    Map<String, Object> model = new HashMap<>();
    Map<String, Object> account = reads.account(msisdn);
    model.put("account", account);
    model.put("known", !account.isEmpty());
    model.put("advances", account.isEmpty() ? List.of() : reads.advances(msisdn));
    model.put("buckets", account.isEmpty() ? List.of() : reads.buckets(msisdn));
    return model;
  }

  /** The polled fragment of the line's state, money, advances and buckets. */
  private Outcome account(PageCall call) {
    String msisdn = call.pathParameter("msisdn");
    if (!msisdn.matches("[0-9]{8,15}")) {
      return new Outcome.View(404, "not-found", Map.of("what", msisdn));
    }
    Language language = Language.of(call);
    Map<String, Object> model = base(language, "handset.title");
    model.putAll(accountModel(msisdn));
    model.put("msisdn", msisdn);
    return Outcome.View.ok("handset/account", model);
  }

  /** The polled fragment of the inbox. */
  private Outcome inbox(PageCall call) {
    String msisdn = call.pathParameter("msisdn");
    if (!msisdn.matches("[0-9]{8,15}")) {
      return new Outcome.View(404, "not-found", Map.of("what", msisdn));
    }
    Map<String, Object> model = base(Language.of(call), "handset.title");
    model.put("messages", reads.inbox(msisdn));
    return Outcome.View.ok("handset/inbox", model);
  }

  /** What every handset page's model holds: its language and title. */
  static Map<String, Object> base(Language language, String title) {
    Map<String, Object> model = new HashMap<>();
    model.put("lang", language.tag());
    model.put("locale", language.locale());
    model.put("title", title);
    return model;
  }

  /** The phone's forms' fields as typed, "" for those not sent. */
  static Map<String, String> typedFields(Map<String, String> form) {
    Map<String, String> typed = new HashMap<>();
    for (String field : FieldErrors.FIELDS) {
      typed.put(field, form.getOrDefault(field, ""));
    }
    return typed;
  }
}
