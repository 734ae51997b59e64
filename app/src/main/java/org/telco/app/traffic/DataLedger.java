package org.telco.app.traffic;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.AccountResult;
import org.telco.ledger.NewAccount;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.traffic.TrafficAccounts;

/**
 * The node's ledger as flow F5 uses it: its accounts' layout ({@link TrafficAccounts}) and blocking
 * calls, since every caller here runs on a virtual thread of a request.
 *
 * @param ledger the node's sharded ledger
 * @param accounts where F5's accounts are
 */
record DataLedger(ShardedLedger ledger, TrafficAccounts accounts) {
  DataLedger {
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(accounts, "accounts");
  }

  /** Submits the requests and waits for their results, in order. */
  List<TransferResult> submit(List<TransferRequest> requests) {
    return ledger.submit(requests).join();
  }

  /** Submits one request and waits for its result. */
  TransferResult submit(TransferRequest request) {
    return submit(List.of(request)).getFirst();
  }

  /**
   * Expires a pending transfer whose timeout has passed now, rather than waiting for the timer
   * poller to (which does the same, idempotently).
   */
  void expire(org.telco.ledger.TransferId pendingId) {
    ledger.expire(pendingId).join();
  }

  /** Opens accounts (reopening the same one is harmless). */
  void open(List<NewAccount> requests) {
    for (AccountResult result : ledger.open(requests).join()) {
      if (result instanceof AccountResult.Rejected rejected) {
        throw new IllegalStateException("the ledger refused an account: " + rejected);
      }
    }
  }

  /** The account, as the ledger holds it now. */
  Optional<Account> account(AccountId id) {
    return ledger.account(id).join();
  }

  /** House member {@code member} on the shard of {@code account}. */
  AccountId houseBeside(AccountId account, int member) {
    return accounts.houseBeside(account, member);
  }
}
