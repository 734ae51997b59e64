package org.telco.app.charging;

import io.helidon.webserver.http.HttpService;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.telco.charging.DailyUsage;
import org.telco.charging.Partner;
import org.telco.ledger.TransferResult;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.Problem;
import org.telco.web.Reply;

/**
 * Partners' API under {@code /api/v1}: {@code GET /partners/{id}/usage?from=&to=} (the partner,
 * with its sponsor key, or staff) returns the usage of its apps per app and day and settles the
 * closed days; {@code POST /partners/{id}/prefunds} (staff) records money the partner paid in;
 * {@code GET /partners} (staff) lists partners and balances.
 */
final class PartnerRoutes {
  private static final long PERIOD_DAYS_MAX = 366;

  private final PartnerSettlements settlements;

  PartnerRoutes(PartnerSettlements settlements) {
    this.settlements = settlements;
  }

  HttpService service(Endpoints endpoints) {
    return rules ->
        rules
            .get("/partners", endpoints.handler(Access.ADMIN, this::list))
            .get("/partners/{id}/usage", endpoints.handler(Access.SPONSOR, this::usage))
            .post("/partners/{id}/prefunds", endpoints.handler(Access.ADMIN, this::prefund));
  }

  record PartnerJson(
      String id, String name, List<Long> ratingGroups, long fenPerGigabyte, long balanceFen) {}

  record AppUsage(long ratingGroup, List<DayBytes> days, long totalBytes) {}

  record DayBytes(String day, long bytes) {}

  record SettledJson(String day, long bytes, long amountFen, String transferId, String outcome) {}

  record StatementJson(
      String partner,
      String from,
      String to,
      List<AppUsage> apps,
      List<SettledJson> settlement,
      long settledFen,
      long balanceFen) {}

  record PrefundJson(String id, Long amountFen) {}

  private Reply list(Call call) {
    return Reply.ok(
        settlements.partners().stream()
            .map(
                p ->
                    new PartnerJson(
                        p.id(), p.name(), groups(p), p.fenPerGigabyte(), settlements.balance(p)))
            .toList());
  }

  private Reply usage(Call call) {
    boolean staff = call.caller().access() == Access.ADMIN;
    String asked = SponsorKeys.CALLER_PREFIX + call.pathParameter("id");
    if (!staff && !call.caller().name().equals(asked)) {
      throw new Problem(
              403, "forbidden", "Not allowed", "this key opens another partner's statement", null)
          .toException();
    }
    Partner partner = partner(call);
    LocalDate from = date(call, "from");
    LocalDate to = date(call, "to");
    if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= PERIOD_DAYS_MAX) {
      throw Problem.invalidField("to", "to must be on or after from, at most 366 days in all")
          .toException();
    }
    PartnerSettlements.Statement statement = settlements.statement(partner, from, to);
    Map<Long, List<DayBytes>> byApp = new TreeMap<>();
    for (DailyUsage u : statement.usage()) {
      byApp
          .computeIfAbsent(u.ratingGroup().value(), g -> new java.util.ArrayList<>())
          .add(new DayBytes(u.day().toString(), u.bytes()));
    }
    List<AppUsage> apps =
        byApp.entrySet().stream()
            .map(
                e ->
                    new AppUsage(
                        e.getKey(),
                        e.getValue(),
                        e.getValue().stream().mapToLong(DayBytes::bytes).sum()))
            .toList();
    List<SettledJson> settled =
        statement.settled().stream()
            .map(
                s ->
                    new SettledJson(
                        s.charge().day().toString(),
                        s.charge().bytes(),
                        s.charge().amountFen(),
                        s.charge().transferId().value(),
                        s.outcome()))
            .toList();
    long settledFen =
        statement.settled().stream()
            .filter(s -> !s.outcome().equals("disputed"))
            .mapToLong(s -> s.charge().amountFen())
            .sum();
    return Reply.ok(
        new StatementJson(
            partner.id(),
            from.toString(),
            to.toString(),
            apps,
            settled,
            settledFen,
            statement.balanceFen()));
  }

  private Reply prefund(Call call) {
    Partner partner = partner(call);
    PrefundJson request = call.body(PrefundJson.class);
    if (request.id() == null || !request.id().matches("[A-Za-z0-9._-]{1,64}")) {
      throw Problem.invalidField("id", "id is required: 1-64 of A-Z, a-z, 0-9, '.', '_', '-'")
          .toException();
    }
    if (request.amountFen() == null || request.amountFen() <= 0) {
      throw Problem.invalidField("amountFen", "amountFen must be a positive number of fen")
          .toException();
    }
    TransferResult result = settlements.prefund(partner, request.id(), request.amountFen());
    if (result instanceof TransferResult.Rejected rejected) {
      throw new Problem(
              409, "prefund-id-reused", "Prefund id used before", rejected.reason().name(), "id")
          .toException();
    }
    boolean replayed = ((TransferResult.Accepted) result).replayed();
    PartnerJson body =
        new PartnerJson(
            partner.id(),
            partner.name(),
            groups(partner),
            partner.fenPerGigabyte(),
            settlements.balance(partner));
    return replayed ? Reply.ok(body) : Reply.created(body);
  }

  private Partner partner(Call call) {
    String id = call.pathParameter("id");
    return settlements
        .partner(id)
        .orElseThrow(
            () ->
                new Problem(404, "partner-unknown", "No such partner", "no partner " + id, null)
                    .toException());
  }

  private static LocalDate date(Call call, String name) {
    String raw =
        call.query(name)
            .orElseThrow(
                () ->
                    Problem.invalidField(name, name + " is required: a date, yyyy-MM-dd")
                        .toException());
    try {
      return LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      throw Problem.invalidField(name, name + " must be a date, yyyy-MM-dd").toException();
    }
  }

  private static List<Long> groups(Partner p) {
    return p.apps().stream().map(g -> g.value()).toList();
  }
}
