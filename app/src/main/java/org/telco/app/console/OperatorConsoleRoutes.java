package org.telco.app.console;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.telco.app.charging.ChargingFeatures;
import org.telco.app.charging.SettlementRecord;
import org.telco.subscriber.FeeChange;
import org.telco.subscriber.Plan;
import org.telco.subscriber.PlanBook;
import org.telco.subscriber.PlanId;
import org.telco.traffic.TrafficProduct;

/**
 * The operator console's pages under {@link Console#ROOT} (docs/console.md): the dashboard with its
 * figures fragment and chart series, subscribers, plans and products, and partners. Every route
 * goes through {@link Console#page}; changing a plan needs {@link Permission#CHANGE_CATALOGUE}.
 */
public final class OperatorConsoleRoutes implements HttpService {
  /** The operator console's pages in the navigation bar, the dashboard first (the home page). */
  public static final List<NavLink> NAVIGATION =
      List.of(
          new NavLink(Console.ROOT + "/dashboard", "nav.dashboard"),
          new NavLink(Console.ROOT + "/subscribers", "nav.subscribers"),
          new NavLink(Console.ROOT + "/plans", "nav.plans"),
          new NavLink(Console.ROOT + "/partners", "nav.partners"));

  private final Console console;
  private final OperatorConsoleSources sources;
  private final FigureSamples samples;
  private final SubscriberPages subscribers;

  /** The pages of {@code console} over {@code sources}. */
  public OperatorConsoleRoutes(Console console, OperatorConsoleSources sources) {
    this.console = console;
    this.sources = sources;
    this.samples = new FigureSamples(sources, sources.feeds().wallClock());
    this.subscribers = new SubscriberPages(sources);
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/dashboard", console.page(Permission.VIEW, call -> dashboard("dashboard")))
        .get("/dashboard/figures", console.page(Permission.VIEW, call -> dashboard("figures")))
        .get("/dashboard/series", console.page(Permission.VIEW, call -> series()))
        .get("/subscribers", console.page(Permission.VIEW, subscribers::search))
        .get("/subscribers/{msisdn}", console.page(Permission.VIEW, subscribers::subscriber))
        .get("/plans", console.page(Permission.VIEW, call -> plans(200, Map.of())))
        .post("/plans/{id}", console.page(Permission.CHANGE_CATALOGUE, this::changeFee))
        .get("/partners", console.page(Permission.VIEW, call -> partners()));
  }

  private Outcome dashboard(String template) {
    DashboardFigures f = samples.latest();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("at", f.at().toString());
    figures.put("subscribers", f.subscribers());
    figures.put("barred", f.barred());
    figures.put("onEmergencyCredit", f.onEmergencyCredit());
    figures.put("chargingRequests", f.chargingRequests());
    figures.put("chargingPerSecond", Amounts.rate(f.chargingPerSecond()));
    figures.put("topUps", f.topUps());
    figures.put("topUpsYuan", Amounts.yuan(f.topUpsFen()));
    figures.put("smsAccepted", f.smsAccepted());
    figures.put("smsPerSecond", Amounts.rate(f.smsPerSecond()));
    figures.put("emergencyOutstanding", Amounts.yuan(f.emergencyOutstandingFen()));
    return Outcome.View.ok(template, Map.of("title", "dashboard.title", "f", figures));
  }

  /** The chart's series: one point per kept sample. */
  private Outcome series() {
    List<DashboardFigures> history = samples.history();
    return new Outcome.Json(
        Map.of(
            "at", history.stream().map(f -> f.at().toString()).toList(),
            "chargingPerSecond", history.stream().map(DashboardFigures::chargingPerSecond).toList(),
            "smsPerSecond", history.stream().map(DashboardFigures::smsPerSecond).toList(),
            "barred", history.stream().map(DashboardFigures::barred).toList()));
  }

  private Outcome plans(int status, Map<String, Object> problem) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", "plans.title");
    model.put(
        "plans",
        sources.plans().current().plans().stream().map(OperatorConsoleRoutes::plan).toList());
    model.put(
        "products",
        sources.traffic().catalog().products().stream()
            .map(OperatorConsoleRoutes::product)
            .toList());
    model.put("errorPlan", problem.getOrDefault("plan", ""));
    model.put("error", problem.getOrDefault("error", ""));
    model.put("typed", problem.getOrDefault("typed", ""));
    model.put("changed", problem.getOrDefault("changed", ""));
    return new Outcome.View(status, "plans", model);
  }

  /**
   * Changes a plan's monthly fee from a form field in yuan. Bad input answers the page again with
   * 400 and the message beside the field; a change redirects back (post, redirect, get).
   */
  private Outcome changeFee(PageCall call) {
    String id = call.pathParameter("id");
    String typed = call.field("monthlyFee").trim();
    if (!typed.matches("[0-9]{1,7}(\\.[0-9]{1,2})?")) {
      return plans(400, Map.of("plan", id, "error", "plans.fee.invalid", "typed", typed));
    }
    long fen = fen(typed);
    PlanId plan;
    try {
      plan = new PlanId(id);
    } catch (IllegalArgumentException e) {
      return new Outcome.View(404, "not-found", Map.of("what", id));
    }
    return switch (sources.plans().changeMonthlyFee(plan, fen)) {
      case FeeChange.Changed changed ->
          new Outcome.Redirect(Console.ROOT + "/plans?changed=" + changed.plan().id().value());
      case FeeChange.UnknownPlan unknown -> new Outcome.View(404, "not-found", Map.of("what", id));
      case FeeChange.OutOfRange range ->
          plans(400, Map.of("plan", id, "error", "plans.fee.range", "typed", typed));
    };
  }

  /** Yuan as typed ("8", "8.5", "8.50") in fen, without floating point. */
  private static long fen(String yuan) {
    int dot = yuan.indexOf('.');
    String whole = dot < 0 ? yuan : yuan.substring(0, dot);
    String cents = dot < 0 ? "00" : (yuan.substring(dot + 1) + "0").substring(0, 2);
    return Math.addExact(Math.multiplyExact(Long.parseLong(whole), 100), Long.parseLong(cents));
  }

  private Outcome partners() {
    return Outcome.View.ok(
        "partners",
        Map.of(
            "title",
            "partners.title",
            "partners",
            sources.charging().partnerBalances().stream()
                .map(OperatorConsoleRoutes::partner)
                .toList()));
  }

  private static Map<String, Object> partner(ChargingFeatures.PartnerBalance p) {
    return SubscriberPages.row(
        "id", p.partner().id(),
        "name", p.partner().name(),
        "apps", p.partner().apps().toString(),
        "price", Amounts.yuan(p.partner().fenPerGigabyte()),
        "balance", Amounts.yuan(p.balanceFen()),
        "settled", p.lastSettled().stream().map(OperatorConsoleRoutes::settled).toList());
  }

  private static Map<String, Object> settled(SettlementRecord s) {
    return SubscriberPages.row(
        "day", s.day().map(LocalDate::toString).orElse(""),
        "bytes", Amounts.data(s.bytes()),
        "amount", Amounts.yuan(s.amountFen()),
        "transfer", s.transferId(),
        "at", s.at().toString());
  }

  private static Map<String, Object> plan(Plan p) {
    return SubscriberPages.row(
        "id", p.id().value(),
        "name", p.name(),
        "fee", Amounts.yuan(p.monthlyFeeFen()),
        "data", Amounts.data(p.includedDataBytes()),
        "payg", Amounts.yuan(p.payAsYouGoFenPerMegabyte()),
        "max", Amounts.yuan(PlanBook.MONTHLY_FEE_MAX_FEN));
  }

  private static Map<String, Object> product(TrafficProduct p) {
    return SubscriberPages.row(
        "id", p.id().value(),
        "name", p.name(),
        "kind", p.kind().name(),
        "price", Amounts.yuan(p.priceFen()),
        "volume", Amounts.data(p.volumeBytes()));
  }
}
