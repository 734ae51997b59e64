package org.telco.ledger;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a client asks the ledger to do. Built through the factory methods, which say which fields
 * each kind of transfer uses; the ledger still checks every field, because a request may also come
 * from a decoder.
 *
 * <p>For {@link TransferFlag#POST_PENDING} and {@link TransferFlag#VOID_PENDING} the accounts may
 * be null (they are taken from the pending transfer) and an amount of zero means "the whole pending
 * amount".
 *
 * @param id the idempotency key
 * @param debitAccountId the account debited, or null for post/void
 * @param creditAccountId the account credited, or null for post/void
 * @param amount the amount in the asset's smallest unit
 * @param pendingId the pending transfer posted or voided, else null
 * @param flags the behaviour flags
 * @param timeoutSeconds for a pending transfer, seconds until it expires (0 = never)
 * @param code a client-defined purpose code, 0 or more
 */
public record TransferRequest(
    TransferId id,
    AccountId debitAccountId,
    AccountId creditAccountId,
    long amount,
    TransferId pendingId,
    Set<TransferFlag> flags,
    long timeoutSeconds,
    int code) {

  /** Freezes the flag set; semantic checks are the ledger's. */
  public TransferRequest {
    Objects.requireNonNull(id, "id");
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
  }

  /** Moves {@code amount} from the debit account to the credit account at once. */
  public static TransferRequest posted(
      TransferId id, AccountId debit, AccountId credit, long amount, int code) {
    return new TransferRequest(id, debit, credit, amount, null, Set.of(), 0, code);
  }

  /** Reserves {@code amount} until posted or voided, or until {@code timeoutSeconds} pass. */
  public static TransferRequest pending(
      TransferId id,
      AccountId debit,
      AccountId credit,
      long amount,
      long timeoutSeconds,
      int code) {
    return new TransferRequest(
        id, debit, credit, amount, null, Set.of(TransferFlag.PENDING), timeoutSeconds, code);
  }

  /** Posts {@code amount} of a pending transfer (0 = all of it); the rest is released. */
  public static TransferRequest postPending(TransferId id, TransferId pendingId, long amount) {
    return new TransferRequest(
        id, null, null, amount, pendingId, Set.of(TransferFlag.POST_PENDING), 0, 0);
  }

  /** Voids a pending transfer, releasing all of its reservation. */
  public static TransferRequest voidPending(TransferId id, TransferId pendingId) {
    return new TransferRequest(
        id, null, null, 0, pendingId, Set.of(TransferFlag.VOID_PENDING), 0, 0);
  }

  /** This request chained to the next one in the same batch. */
  public TransferRequest linked() {
    EnumSet<TransferFlag> chained = EnumSet.of(TransferFlag.LINKED);
    chained.addAll(flags);
    return new TransferRequest(
        id, debitAccountId, creditAccountId, amount, pendingId, chained, timeoutSeconds, code);
  }

  /** Whether the request carries {@code flag}. */
  public boolean has(TransferFlag flag) {
    return flags.contains(flag);
  }
}
