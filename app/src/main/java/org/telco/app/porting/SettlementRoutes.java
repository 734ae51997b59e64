package org.telco.app.porting;

import io.helidon.webserver.http.HttpService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.Account;
import org.telco.ledger.TransferResult;
import org.telco.porting.PortRequest;
import org.telco.porting.PortState;
import org.telco.porting.PortingStore;
import org.telco.porting.SettlementAccounts;
import org.telco.subscriber.OperatorId;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.Problem;
import org.telco.web.Reply;

/**
 * The clearinghouse's settlement between operators (flow F4), for its staff (admin key): operators
 * prefund their settlement accounts, the balances show what each holds, and a statement per
 * operator lists what it paid and received for ports, per counterparty.
 */
final class SettlementRoutes {
  /** Ports a statement reads at most. */
  static final int STATEMENT_PORTS_MAX = 10_000;

  private static final Pattern PREFUND_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final SettlementAccounts accounts;
  private final ShardedLedger ledger;
  private final PortingStore store;

  SettlementRoutes(SettlementAccounts accounts, ShardedLedger ledger, PortingStore store) {
    this.accounts = accounts;
    this.ledger = ledger;
    this.store = store;
  }

  HttpService service(Endpoints endpoints) {
    return rules ->
        rules
            .post("/settlement/prefunds", endpoints.handler(Access.ADMIN, this::prefund))
            .get("/settlement/accounts", endpoints.handler(Access.ADMIN, call -> balances()))
            .get("/settlement/statements", endpoints.handler(Access.ADMIN, this::statement));
  }

  /** {@code {operator, id, amountFen}}: money an operator paid in, idempotent by its id. */
  private Reply prefund(Call call) {
    PrefundJson json = call.body(PrefundJson.class);
    OperatorId operator = known(json.operator(), "operator");
    if (json.id() == null || !PREFUND_ID.matcher(json.id()).matches()) {
      throw Problem.invalidField("id", "id must be 1-64 of A-Za-z0-9._-").toException();
    }
    if (json.amountFen() == null || json.amountFen() <= 0) {
      throw Problem.invalidField("amountFen", "amountFen must be positive").toException();
    }
    TransferResult result =
        ledger
            .submit(List.of(accounts.prefund(operator, json.id(), json.amountFen())))
            .join()
            .getFirst();
    if (result instanceof TransferResult.Rejected rejected) {
      throw new Problem(
              409,
              "prefund-refused",
              "Prefunding refused",
              "the ledger refused it: " + rejected.reason(),
              "id")
          .toException();
    }
    return Reply.created(balance(operator));
  }

  private Reply balances() {
    return Reply.ok(accounts.operators().stream().map(this::balance).toList());
  }

  private BalanceJson balance(OperatorId operator) {
    long fen = ledger.account(accounts.of(operator)).join().map(Account::creditBalance).orElse(0L);
    return new BalanceJson(operator.value(), fen);
  }

  /** {@code ?operator=}: its settled ports, paid and received, per counterparty. */
  private Reply statement(Call call) {
    OperatorId operator = known(call.query("operator").orElse(null), "operator");
    Map<String, long[]> byCounterparty = new LinkedHashMap<>();
    List<String> ports = new ArrayList<>();
    for (PortRequest request : store.involving(operator, STATEMENT_PORTS_MAX)) {
      if (request.state() != PortState.SETTLED && request.state() != PortState.COMPLETED) {
        continue;
      }
      boolean paid = request.recipient().equals(operator);
      OperatorId other = paid ? request.donor() : request.recipient();
      long[] sums = byCounterparty.computeIfAbsent(other.value(), k -> new long[3]);
      sums[paid ? 0 : 1] += request.compensationFen();
      sums[2]++;
      ports.add(request.id());
    }
    List<LineJson> lines = new ArrayList<>();
    byCounterparty.forEach(
        (other, sums) ->
            lines.add(new LineJson(other, sums[0], sums[1], sums[1] - sums[0], sums[2])));
    return Reply.ok(
        new StatementJson(operator.value(), balance(operator).balanceFen(), lines, ports));
  }

  private OperatorId known(String raw, String field) {
    try {
      OperatorId operator = new OperatorId(raw == null ? "" : raw);
      if (accounts.operators().contains(operator)) {
        return operator;
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw Problem.invalidField(field, field + " must be one of " + accounts.operators())
        .toException();
  }

  /** An operator's payment into its settlement account. */
  record PrefundJson(String operator, String id, Long amountFen) {}

  /** What an operator's settlement account holds. */
  record BalanceJson(String operator, long balanceFen) {}

  /**
   * One operator's statement.
   *
   * @param operator whose
   * @param balanceFen its settlement account now
   * @param lines one per counterparty
   * @param ports the ids of the settled ports it covers
   */
  record StatementJson(
      String operator, long balanceFen, List<LineJson> lines, List<String> ports) {}

  /**
   * The ports between the operator and one counterparty.
   *
   * @param counterparty the other operator
   * @param paidFen compensation paid for numbers it took from the counterparty
   * @param receivedFen compensation received for numbers the counterparty took
   * @param netFen received minus paid
   * @param ports how many ports
   */
  record LineJson(String counterparty, long paidFen, long receivedFen, long netFen, long ports) {}
}
