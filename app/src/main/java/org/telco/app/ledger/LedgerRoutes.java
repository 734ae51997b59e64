package org.telco.app.ledger;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.AccountId;
import org.telco.ledger.AccountResult;
import org.telco.ledger.LedgerStore;
import org.telco.ledger.TransferId;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.Problem;
import org.telco.web.Reply;

/**
 * The admin ledger API: open accounts, submit transfers one at a time or in batches, read an
 * account and its transfers. Every write is idempotent by its client-chosen id.
 *
 * <p>A single transfer answers 201 (200 for a replayed retry) or a problem naming the field. A
 * batch answers 200 with one result per transfer, unless a member is malformed, in which case the
 * whole batch is refused with 400 and nothing is submitted.
 */
public final class LedgerRoutes implements HttpService {
  /** Most transfers one batch request may carry. */
  public static final int BATCH_MAX = 8190;

  private final ShardedLedger ledger;
  private final LedgerStore store;
  private final Endpoints endpoints;

  /** Routes over the node's engine and store. */
  public LedgerRoutes(ShardedLedger ledger, LedgerStore store, Endpoints endpoints) {
    this.ledger = ledger;
    this.store = store;
    this.endpoints = endpoints;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .post("/accounts", endpoints.handler(Access.ADMIN, this::openAccount))
        .get("/accounts/{id}", endpoints.handler(Access.ADMIN, this::readAccount))
        .get("/accounts/{id}/transfers", endpoints.handler(Access.ADMIN, this::listTransfers))
        .post("/transfers", endpoints.handler(Access.ADMIN, this::submit))
        .get("/transfers/{id}", endpoints.handler(Access.ADMIN, this::readTransfer));
  }

  private Reply openAccount(Call call) {
    NewAccountJson request = call.body(NewAccountJson.class);
    AccountResult result = await(ledger.open(List.of(request.toDomain()))).getFirst();
    return switch (result) {
      case AccountResult.Opened opened ->
          new Reply(opened.replayed() ? 200 : 201, AccountJson.of(opened.account()));
      case AccountResult.Rejected rejected ->
          throw RejectionProblems.of(rejected.reason()).toException();
    };
  }

  private Reply readAccount(Call call) {
    AccountId id = accountIdFromPath(call);
    return await(ledger.account(id))
        .map(account -> Reply.ok(AccountJson.of(account)))
        .orElseThrow(() -> notFound("account", id.toString()));
  }

  private Reply listTransfers(Call call) {
    AccountId id = accountIdFromPath(call);
    int limit = call.intQuery("limit", 100, 1000);
    if (await(ledger.account(id)).isEmpty()) {
      throw notFound("account", id.toString());
    }
    return Reply.ok(await(ledger.transfersOf(id, limit)).stream().map(TransferJson::of).toList());
  }

  private Reply readTransfer(Call call) {
    TransferId id = Fields.transferId(call.pathParameter("id"), "id", true);
    return store
        .transfer(id)
        .map(t -> Reply.ok(TransferJson.of(t)))
        .orElseThrow(() -> notFound("transfer", id.value()));
  }

  private Reply submit(Call call) {
    if (!startsWithArray(call.body())) {
      TransferRequest request = call.body(TransferRequestJson.class).toDomain("");
      TransferResult result = await(ledger.submit(List.of(request))).getFirst();
      return switch (result) {
        case TransferResult.Accepted accepted ->
            new Reply(accepted.replayed() ? 200 : 201, TransferJson.of(accepted.transfer()));
        case TransferResult.Rejected rejected ->
            throw RejectionProblems.of(rejected.reason(), "").toException();
      };
    }
    TransferRequestJson[] members = call.body(TransferRequestJson[].class);
    if (members.length == 0 || members.length > BATCH_MAX) {
      throw Problem.invalidField(null, "a batch carries 1 to " + BATCH_MAX + " transfers")
          .toException();
    }
    List<TransferRequest> requests = new ArrayList<>(members.length);
    for (int i = 0; i < members.length; i++) {
      if (members[i] == null) {
        throw Problem.invalidField("[" + i + "]", "a batch member must be an object").toException();
      }
      requests.add(members[i].toDomain("[" + i + "]."));
    }
    List<TransferResult> results = await(ledger.submit(requests));
    List<BatchResultJson> answer = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      answer.add(BatchResultJson.of(results.get(i), "[" + i + "]."));
    }
    return Reply.ok(answer);
  }

  private static boolean startsWithArray(byte[] body) {
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return b == '[';
      }
    }
    return false;
  }

  private static AccountId accountIdFromPath(Call call) {
    try {
      return new AccountId(Long.parseLong(call.pathParameter("id")));
    } catch (IllegalArgumentException e) {
      throw Problem.invalidField("id", "the account id must be a positive integer").toException();
    }
  }

  private static RuntimeException notFound(String what, String id) {
    return new Problem(404, what + "-not-found", "Not found", "no " + what + " " + id, "id")
        .toException();
  }

  private static <T> T await(CompletableFuture<T> answer) {
    return answer.join();
  }
}
