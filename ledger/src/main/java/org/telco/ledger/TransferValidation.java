package org.telco.ledger;

import java.util.Objects;

/**
 * The checks that depend on the request alone, in {@link TransferRejection} precedence order, and
 * the field comparison that decides whether a reused id is a retry.
 *
 * <p>Returns null for "no fault" rather than an {@code Optional}, because this runs once per
 * transfer on the hot path.
 */
final class TransferValidation {
  private TransferValidation() {}

  /**
   * The first fault of the request that needs no ledger state, up to {@link
   * TransferRejection#AMOUNT_MUST_BE_POSITIVE}, or null when there is none.
   */
  static TransferRejection check(TransferRequest request) {
    boolean pending = request.has(TransferFlag.PENDING);
    boolean post = request.has(TransferFlag.POST_PENDING);
    boolean voids = request.has(TransferFlag.VOID_PENDING);
    if ((pending ? 1 : 0) + (post ? 1 : 0) + (voids ? 1 : 0) > 1) {
      return TransferRejection.FLAGS_ARE_MUTUALLY_EXCLUSIVE;
    }
    boolean resolves = post || voids;
    TransferId pendingId = request.pendingId();
    if (resolves && pendingId == null) {
      return TransferRejection.PENDING_ID_REQUIRED;
    }
    if (!resolves && pendingId != null) {
      return TransferRejection.PENDING_ID_MUST_BE_EMPTY;
    }
    if (resolves && pendingId.equals(request.id())) {
      return TransferRejection.PENDING_ID_MUST_BE_DIFFERENT;
    }
    if (!pending && request.timeoutSeconds() != 0) {
      return TransferRejection.TIMEOUT_RESERVED_FOR_PENDING_TRANSFER;
    }
    if (request.timeoutSeconds() < 0) {
      return TransferRejection.TIMEOUT_MUST_NOT_BE_NEGATIVE;
    }
    if (request.code() < 0) {
      return TransferRejection.CODE_MUST_NOT_BE_NEGATIVE;
    }
    return checkAccountsAndAmount(request, resolves);
  }

  private static TransferRejection checkAccountsAndAmount(
      TransferRequest request, boolean resolves) {
    AccountId debit = request.debitAccountId();
    AccountId credit = request.creditAccountId();
    if (!resolves && debit == null) {
      return TransferRejection.DEBIT_ACCOUNT_ID_REQUIRED;
    }
    if (!resolves && credit == null) {
      return TransferRejection.CREDIT_ACCOUNT_ID_REQUIRED;
    }
    if (debit != null && debit.equals(credit)) {
      return TransferRejection.ACCOUNTS_MUST_BE_DIFFERENT;
    }
    if (resolves ? request.amount() < 0 : request.amount() <= 0) {
      return TransferRejection.AMOUNT_MUST_BE_POSITIVE;
    }
    return null;
  }

  /**
   * Whether a request reusing a committed transfer's id asks for the same thing, so that it is a
   * retry. For a post or void, omitted accounts and an amount of zero match whatever the committed
   * transfer resolved them to.
   */
  static boolean sameFields(TransferRequest request, Transfer committed) {
    if (!request.flags().equals(committed.flags())
        || !Objects.equals(request.pendingId(), committed.pendingId())
        || request.timeoutSeconds() != committed.timeoutSeconds()
        || request.code() != committed.code()) {
      return false;
    }
    if (TransferKind.of(request.flags()).resolvesPending()) {
      return matchesIfGiven(request.debitAccountId(), committed.debitAccountId())
          && matchesIfGiven(request.creditAccountId(), committed.creditAccountId())
          && (request.amount() == 0 || request.amount() == committed.amount());
    }
    return committed.debitAccountId().equals(request.debitAccountId())
        && committed.creditAccountId().equals(request.creditAccountId())
        && request.amount() == committed.amount();
  }

  private static boolean matchesIfGiven(AccountId requested, AccountId committed) {
    return requested == null || requested.equals(committed);
  }
}
