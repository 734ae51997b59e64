package org.telco.app.ledger;

import java.util.Locale;
import org.telco.ledger.AccountRejection;
import org.telco.ledger.TransferRejection;
import org.telco.web.Problem;

/**
 * Maps the ledger's rejection reasons to HTTP problems. The switches are exhaustive with no default
 * branch: a new reason in the ledger fails the compile here until it is mapped.
 */
final class RejectionProblems {
  private RejectionProblems() {}

  /** The problem for a rejected transfer; {@code prefix} locates it in a batch. */
  static Problem of(TransferRejection reason, String prefix) {
    return new Problem(
        status(reason),
        code(reason),
        "The transfer was rejected",
        describe(reason),
        prefix + field(reason));
  }

  private static int status(TransferRejection reason) {
    return switch (reason) {
      case FLAGS_ARE_MUTUALLY_EXCLUSIVE,
          PENDING_ID_REQUIRED,
          PENDING_ID_MUST_BE_EMPTY,
          PENDING_ID_MUST_BE_DIFFERENT,
          TIMEOUT_RESERVED_FOR_PENDING_TRANSFER,
          TIMEOUT_MUST_NOT_BE_NEGATIVE,
          CODE_MUST_NOT_BE_NEGATIVE,
          DEBIT_ACCOUNT_ID_REQUIRED,
          CREDIT_ACCOUNT_ID_REQUIRED,
          ACCOUNTS_MUST_BE_DIFFERENT,
          AMOUNT_MUST_BE_POSITIVE,
          LINKED_EVENT_CHAIN_OPEN ->
          400;
      case EXISTS_WITH_DIFFERENT_FIELDS,
          PENDING_TRANSFER_ALREADY_POSTED,
          PENDING_TRANSFER_ALREADY_VOIDED,
          PENDING_TRANSFER_EXPIRED ->
          409;
      case LINKED_EVENT_FAILED,
          DEBIT_ACCOUNT_NOT_FOUND,
          CREDIT_ACCOUNT_NOT_FOUND,
          ACCOUNTS_MUST_HAVE_THE_SAME_ASSET,
          ACCOUNTS_ON_DIFFERENT_SHARDS,
          PENDING_TRANSFER_NOT_FOUND,
          PENDING_TRANSFER_NOT_PENDING,
          PENDING_TRANSFER_HAS_DIFFERENT_ACCOUNTS,
          EXCEEDS_PENDING_TRANSFER_AMOUNT,
          PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT,
          OVERFLOWS_DEBITS_PENDING,
          OVERFLOWS_CREDITS_PENDING,
          OVERFLOWS_DEBITS_POSTED,
          OVERFLOWS_CREDITS_POSTED,
          OVERFLOWS_DEBITS,
          OVERFLOWS_CREDITS,
          OVERFLOWS_TIMEOUT,
          EXCEEDS_CREDITS,
          EXCEEDS_DEBITS ->
          422;
    };
  }

  private static String field(TransferRejection reason) {
    return switch (reason) {
      case LINKED_EVENT_FAILED, LINKED_EVENT_CHAIN_OPEN, FLAGS_ARE_MUTUALLY_EXCLUSIVE -> "flags";
      case PENDING_ID_REQUIRED,
          PENDING_ID_MUST_BE_EMPTY,
          PENDING_ID_MUST_BE_DIFFERENT,
          PENDING_TRANSFER_NOT_FOUND,
          PENDING_TRANSFER_NOT_PENDING,
          PENDING_TRANSFER_ALREADY_POSTED,
          PENDING_TRANSFER_ALREADY_VOIDED,
          PENDING_TRANSFER_EXPIRED ->
          "pendingId";
      case TIMEOUT_RESERVED_FOR_PENDING_TRANSFER, TIMEOUT_MUST_NOT_BE_NEGATIVE, OVERFLOWS_TIMEOUT ->
          "timeoutSeconds";
      case CODE_MUST_NOT_BE_NEGATIVE -> "code";
      case DEBIT_ACCOUNT_ID_REQUIRED, DEBIT_ACCOUNT_NOT_FOUND -> "debitAccountId";
      case CREDIT_ACCOUNT_ID_REQUIRED,
          CREDIT_ACCOUNT_NOT_FOUND,
          ACCOUNTS_MUST_BE_DIFFERENT,
          ACCOUNTS_MUST_HAVE_THE_SAME_ASSET,
          ACCOUNTS_ON_DIFFERENT_SHARDS,
          PENDING_TRANSFER_HAS_DIFFERENT_ACCOUNTS ->
          "creditAccountId";
      case EXISTS_WITH_DIFFERENT_FIELDS -> "id";
      case AMOUNT_MUST_BE_POSITIVE,
          EXCEEDS_PENDING_TRANSFER_AMOUNT,
          PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT,
          OVERFLOWS_DEBITS_PENDING,
          OVERFLOWS_CREDITS_PENDING,
          OVERFLOWS_DEBITS_POSTED,
          OVERFLOWS_CREDITS_POSTED,
          OVERFLOWS_DEBITS,
          OVERFLOWS_CREDITS,
          EXCEEDS_CREDITS,
          EXCEEDS_DEBITS ->
          "amount";
    };
  }

  /** The problem for a refused account. */
  static Problem of(AccountRejection reason) {
    return switch (reason) {
      case EXISTS_WITH_DIFFERENT_FIELDS ->
          new Problem(
              409,
              code(reason),
              "The account was not opened",
              "an account with this id exists with a different asset, flags or name",
              "id");
    };
  }

  /** The stable kebab-case code of a reason. */
  static String code(Enum<?> reason) {
    return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String describe(TransferRejection reason) {
    return reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
