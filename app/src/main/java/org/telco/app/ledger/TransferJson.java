package org.telco.app.ledger;

import java.util.List;
import org.telco.ledger.AccountId;
import org.telco.ledger.Transfer;
import org.telco.ledger.TransferFlag;

/**
 * A committed transfer on the wire.
 *
 * @param id its id
 * @param debitAccountId account debited
 * @param creditAccountId account credited
 * @param amount amount in the asset's smallest unit
 * @param pendingId the pending transfer it posts or voids, if any
 * @param flags its flags
 * @param timeoutSeconds timeout of a pending transfer
 * @param code purpose code
 * @param asset the asset moved
 * @param timestamp when it was committed, ISO-8601 UTC
 */
record TransferJson(
    String id,
    long debitAccountId,
    long creditAccountId,
    long amount,
    String pendingId,
    List<String> flags,
    long timeoutSeconds,
    int code,
    String asset,
    String timestamp) {

  static TransferJson of(Transfer t) {
    return new TransferJson(
        t.id().value(),
        accountValue(t.debitAccountId()),
        accountValue(t.creditAccountId()),
        t.amount(),
        t.pendingId() == null ? null : t.pendingId().value(),
        t.flags().stream().map(TransferFlag::name).sorted().toList(),
        t.timeoutSeconds(),
        t.code(),
        t.asset().name(),
        t.timestamp().toString());
  }

  private static long accountValue(AccountId id) {
    return id.value();
  }
}
