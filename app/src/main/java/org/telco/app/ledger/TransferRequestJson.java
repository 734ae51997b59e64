package org.telco.app.ledger;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.telco.ledger.AccountId;
import org.telco.ledger.TransferFlag;
import org.telco.ledger.TransferId;
import org.telco.ledger.TransferRequest;
import org.telco.web.Problem;

/**
 * A transfer request as decoded from JSON. {@link #toDomain} rejects malformed input at the edge,
 * naming the field, so a batch with one malformed member is refused whole before the ledger sees
 * any of it. Business checks (balances, existing accounts) stay in the ledger.
 *
 * @param id client-chosen idempotency key
 * @param debitAccountId account debited (absent on post/void)
 * @param creditAccountId account credited (absent on post/void)
 * @param amount positive amount; on post 0 or absent means all, on void absent or 0
 * @param pendingId the pending transfer posted or voided
 * @param flags LINKED, PENDING, POST_PENDING, VOID_PENDING
 * @param timeoutSeconds seconds until a pending transfer expires, 0 or absent = never
 * @param code purpose code, 0 or more
 */
record TransferRequestJson(
    String id,
    Long debitAccountId,
    Long creditAccountId,
    Long amount,
    String pendingId,
    List<String> flags,
    Long timeoutSeconds,
    Integer code) {

  TransferRequest toDomain(String prefix) {
    TransferId transferId = Fields.transferId(id, prefix + "id", true);
    Set<TransferFlag> parsedFlags = EnumSet.noneOf(TransferFlag.class);
    for (int i = 0; flags != null && i < flags.size(); i++) {
      parsedFlags.add(
          Fields.enumValue(TransferFlag.class, flags.get(i), prefix + "flags[" + i + "]"));
    }
    boolean resolvesPending =
        parsedFlags.contains(TransferFlag.POST_PENDING)
            || parsedFlags.contains(TransferFlag.VOID_PENDING);
    long parsedAmount = amount == null ? 0 : amount;
    if (resolvesPending ? parsedAmount < 0 : parsedAmount <= 0) {
      throw Problem.invalidField(
              prefix + "amount",
              resolvesPending ? "amount must not be negative" : "amount must be positive")
          .toException();
    }
    long timeout = timeoutSeconds == null ? 0 : timeoutSeconds;
    if (timeout < 0) {
      throw Problem.invalidField(prefix + "timeoutSeconds", "timeoutSeconds must not be negative")
          .toException();
    }
    int purpose = code == null ? 0 : code;
    if (purpose < 0) {
      throw Problem.invalidField(prefix + "code", "code must not be negative").toException();
    }
    return new TransferRequest(
        transferId,
        accountId(debitAccountId, prefix + "debitAccountId", !resolvesPending),
        accountId(creditAccountId, prefix + "creditAccountId", !resolvesPending),
        parsedAmount,
        Fields.transferId(pendingId, prefix + "pendingId", resolvesPending),
        parsedFlags,
        timeout,
        purpose);
  }

  private static AccountId accountId(Long raw, String field, boolean required) {
    if (raw == null) {
      if (required) {
        throw Problem.invalidField(field, field + " is required").toException();
      }
      return null;
    }
    if (raw <= 0) {
      throw Problem.invalidField(field, field + " must be a positive integer").toException();
    }
    return new AccountId(raw);
  }
}
