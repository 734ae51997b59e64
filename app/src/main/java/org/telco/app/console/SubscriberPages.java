package org.telco.app.console;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.telco.app.porting.NumberPort;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.Transfer;
import org.telco.sms.MessageRecord;
import org.telco.subscriber.Imsi;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.StateChange;
import org.telco.subscriber.Subscriber;
import org.telco.traffic.Bucket;
import org.telco.web.PeerCallException;

/**
 * The subscriber search (by number prefix) and a subscriber's page: state timeline, money, data
 * buckets in the order charging uses them, ledger history, advances, porting and SMS. Everything is
 * read from the stores the API reads, but the number's port requests, which only the clearinghouse
 * keeps.
 */
final class SubscriberPages {
  static final int RESULTS_MAX = 50;
  static final int HISTORY_MAX = 25;

  private final OperatorConsoleSources sources;

  SubscriberPages(OperatorConsoleSources sources) {
    this.sources = sources;
  }

  Outcome search(PageCall call) {
    String prefix = call.query("prefix").orElse("").trim();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", "subscribers.title");
    model.put("prefix", prefix);
    model.put("error", "");
    model.put("results", List.of());
    model.put("searched", !prefix.isEmpty());
    if (prefix.isEmpty()) {
      return Outcome.View.ok("subscribers", model);
    }
    if (!prefix.matches("[0-9]{1,15}")) {
      model.put("error", "subscribers.prefix.invalid");
      return new Outcome.View(400, "subscribers", model);
    }
    model.put(
        "results",
        sources.subscribers().numbersStartingWith(prefix, RESULTS_MAX).stream()
            .map(
                s -> row("msisdn", s.msisdn().digits(), "state", s.state().name(), "plan", plan(s)))
            .toList());
    return Outcome.View.ok("subscribers", model);
  }

  Outcome subscriber(PageCall call) {
    Optional<Subscriber> found =
        msisdn(call.pathParameter("msisdn")).flatMap(sources.subscribers()::find);
    if (found.isEmpty()) {
      return new Outcome.View(404, "not-found", Map.of("what", call.pathParameter("msisdn")));
    }
    Subscriber subscriber = found.get();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", "subscriber.title");
    model.put("s", summary(subscriber));
    model.put("timeline", timeline(subscriber.msisdn()));
    model.put("buckets", buckets(subscriber.msisdn()));
    model.put("transfers", transfers(subscriber.moneyAccount()));
    model.put("advances", advances(subscriber.msisdn()));
    model.put("devices", devices(subscriber.msisdn()));
    model.put("handset", Console.ROOT + "/handset/" + subscriber.msisdn().digits());
    putPorts(model, subscriber.msisdn());
    model.put("inbox", inbox(subscriber.msisdn()));
    model.put("messages", messages(subscriber.msisdn()));
    return Outcome.View.ok("subscriber", model);
  }

  private Map<String, Object> summary(Subscriber s) {
    long balance =
        account(s.moneyAccount()).map(a -> a.creditsPosted() - a.debitsPosted()).orElse(0L);
    long due =
        account(s.arrearsAccount()).map(a -> a.debitsPosted() - a.creditsPosted()).orElse(0L);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("msisdn", s.msisdn().digits());
    summary.put("state", s.state().name());
    summary.put("plan", plan(s));
    summary.put("sim", sources.charging().sims().simOf(s.msisdn()).map(Imsi::digits).orElse("-"));
    summary.put("balance", Amounts.yuan(balance));
    summary.put("due", Amounts.yuan(due));
    summary.put("since", s.createdAt().toString());
    summary.put("nextCycle", s.nextCycleAt().toString());
    summary.put(
        "portedTo", sources.feeds().portedTo().apply(s.msisdn()).map(o -> o.value()).orElse(""));
    return summary;
  }

  private List<Map<String, Object>> timeline(Msisdn msisdn) {
    List<StateChange> history = sources.subscribers().history(msisdn);
    return history.reversed().stream()
        .limit(HISTORY_MAX)
        .map(
            c ->
                row(
                    "at", c.at().toString(),
                    "from", c.from() == null ? "" : c.from().name(),
                    "to", c.to().name(),
                    "reason", c.reason().toString()))
        .toList();
  }

  private List<Map<String, Object>> buckets(Msisdn msisdn) {
    return sources.traffic().buckets().liveOf(msisdn).stream()
        .sorted(Comparator.comparingInt(Bucket::priority))
        .map(this::bucket)
        .toList();
  }

  private Map<String, Object> bucket(Bucket b) {
    long available = account(b.account()).map(Account::availableCredit).orElse(0L);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("priority", b.priority());
    row.put("product", b.productId().value());
    row.put("kind", b.kind().name());
    row.put("directed", b.isDirected() ? b.ratingGroups().toString() : "");
    row.put("available", Amounts.data(available));
    row.put("volume", Amounts.data(b.volumeBytes()));
    row.put("validUntil", b.validUntil().toString());
    return row;
  }

  private List<Map<String, Object>> transfers(AccountId money) {
    List<Transfer> transfers = sources.ledger().transfersOf(money, HISTORY_MAX).join();
    return transfers.stream()
        .map(
            t ->
                row(
                    "at", t.timestamp().toString(),
                    "id", t.id().value(),
                    "amount",
                        (t.creditAccountId().equals(money) ? "+" : "-") + Amounts.yuan(t.amount()),
                    "pending", t.flags().toString()))
        .toList();
  }

  private List<Map<String, Object>> advances(Msisdn msisdn) {
    return sources.advances().of(msisdn).stream()
        .map(
            a ->
                row(
                    "granted", a.grantedAt().toString(),
                    "amount", Amounts.yuan(a.amountFen()),
                    "repaid", Amounts.yuan(a.repaidFen()),
                    "deadline", a.deadline().toString() + " " + a.state().name()))
        .toList();
  }

  private List<Map<String, Object>> devices(Msisdn msisdn) {
    return sources.devices().bindingsPaidBy(msisdn, HISTORY_MAX).stream()
        .map(
            b ->
                row(
                    "device", b.deviceId().value(),
                    "state", b.state().name(),
                    "bound", b.boundAt().toString(),
                    "unbound", b.unboundAt() == null ? "" : b.unboundAt().toString()))
        .toList();
  }

  /**
   * The number's port requests this operator took part in. They are the clearinghouse's records, so
   * when it cannot be reached the page still answers, saying so instead of the list.
   */
  private void putPorts(Map<String, Object> model, Msisdn msisdn) {
    List<NumberPort> ports;
    try {
      ports = sources.feeds().ports().apply(msisdn);
    } catch (PeerCallException e) {
      model.put("ports", List.of());
      model.put("portsUnreachable", true);
      return;
    }
    model.put("portsUnreachable", false);
    model.put(
        "ports",
        ports.stream()
            .map(
                p ->
                    row(
                        "id", p.id(),
                        "direction", "subscriber.port." + p.direction(),
                        "counterpart", p.counterpart(),
                        "state", p.state(),
                        "compensation", Amounts.yuan(p.compensationFen()),
                        "requested", p.requestedAt(),
                        "last", p.lastStepAt()))
            .toList());
  }

  private List<Map<String, Object>> inbox(Msisdn msisdn) {
    return sources.inbox().messagesFor(msisdn.digits(), HISTORY_MAX).stream()
        .map(m -> row("at", m.at().toString(), "from", m.from(), "text", m.text()))
        .toList();
  }

  private List<Map<String, Object>> messages(Msisdn msisdn) {
    List<MessageRecord> records = sources.sms().messagesOf(msisdn.digits(), HISTORY_MAX);
    return records.stream()
        .map(
            r ->
                row(
                    "at", r.message().acceptedAt().toString(),
                    "from", r.message().from(),
                    "to", r.message().to(),
                    "state", r.state().name()))
        .toList();
  }

  private String plan(Subscriber s) {
    return sources.plans().current().find(s.planId()).map(p -> p.name()).orElse(s.planId().value());
  }

  private Optional<Account> account(AccountId id) {
    return sources.ledger().account(id).join();
  }

  private static Optional<Msisdn> msisdn(String digits) {
    try {
      return Optional.of(new Msisdn(digits));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A table row from name-value pairs, in order. */
  static Map<String, Object> row(Object... pairs) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put((String) pairs[i], pairs[i + 1]);
    }
    return row;
  }
}
