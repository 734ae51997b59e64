package org.telco.ledger;

/**
 * Why the ledger refused a transfer. The constants are listed in precedence order: when a request
 * has several faults, the first matching one is reported, so the same request always gets the same
 * answer. docs/ledger.md explains each one.
 */
public enum TransferRejection {
  /** Another transfer in the same linked chain was rejected, so this one was not applied. */
  LINKED_EVENT_FAILED,
  /** The last transfer of the request carries LINKED: the chain is never closed. */
  LINKED_EVENT_CHAIN_OPEN,
  /** More than one of PENDING, POST_PENDING and VOID_PENDING is set. */
  FLAGS_ARE_MUTUALLY_EXCLUSIVE,
  /** POST_PENDING or VOID_PENDING without a pendingId. */
  PENDING_ID_REQUIRED,
  /** A pendingId on a transfer that neither posts nor voids. */
  PENDING_ID_MUST_BE_EMPTY,
  /** A transfer that posts or voids names itself as the pending transfer. */
  PENDING_ID_MUST_BE_DIFFERENT,
  /** A timeout on a transfer that is not PENDING. */
  TIMEOUT_RESERVED_FOR_PENDING_TRANSFER,
  /** A negative timeout. */
  TIMEOUT_MUST_NOT_BE_NEGATIVE,
  /** A negative purpose code. */
  CODE_MUST_NOT_BE_NEGATIVE,
  /** A plain or pending transfer without a debit account. */
  DEBIT_ACCOUNT_ID_REQUIRED,
  /** A plain or pending transfer without a credit account. */
  CREDIT_ACCOUNT_ID_REQUIRED,
  /** Debit and credit account are the same. */
  ACCOUNTS_MUST_BE_DIFFERENT,
  /** A plain or pending transfer with an amount of zero or less, or a negative post amount. */
  AMOUNT_MUST_BE_POSITIVE,
  /** The id was already used by a committed transfer with different fields. */
  EXISTS_WITH_DIFFERENT_FIELDS,
  /** The debit account does not exist. */
  DEBIT_ACCOUNT_NOT_FOUND,
  /** The credit account does not exist. */
  CREDIT_ACCOUNT_NOT_FOUND,
  /** The two accounts count different assets. */
  ACCOUNTS_MUST_HAVE_THE_SAME_ASSET,
  /** The accounts live on different shards, which one transfer cannot span. */
  ACCOUNTS_ON_DIFFERENT_SHARDS,
  /** The pendingId names no transfer. */
  PENDING_TRANSFER_NOT_FOUND,
  /** The pendingId names a transfer that was not created PENDING. */
  PENDING_TRANSFER_NOT_PENDING,
  /** The accounts given on a post or void differ from the pending transfer's. */
  PENDING_TRANSFER_HAS_DIFFERENT_ACCOUNTS,
  /** The pending transfer was already posted. */
  PENDING_TRANSFER_ALREADY_POSTED,
  /** The pending transfer was already voided. */
  PENDING_TRANSFER_ALREADY_VOIDED,
  /** The pending transfer passed its timeout. */
  PENDING_TRANSFER_EXPIRED,
  /** A post for more than was reserved. */
  EXCEEDS_PENDING_TRANSFER_AMOUNT,
  /** A void with an amount other than zero or the whole pending amount. */
  PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT,
  /** Applying it would overflow the debit account's pending debits. */
  OVERFLOWS_DEBITS_PENDING,
  /** Applying it would overflow the credit account's pending credits. */
  OVERFLOWS_CREDITS_PENDING,
  /** Applying it would overflow the debit account's posted debits. */
  OVERFLOWS_DEBITS_POSTED,
  /** Applying it would overflow the credit account's posted credits. */
  OVERFLOWS_CREDITS_POSTED,
  /** Applying it would overflow a balance sum (posted plus pending). */
  OVERFLOWS_DEBITS,
  /** Applying it would overflow a balance sum (posted plus pending). */
  OVERFLOWS_CREDITS,
  /** Timestamp plus timeout does not fit. */
  OVERFLOWS_TIMEOUT,
  /** The debit account has DEBITS_MUST_NOT_EXCEED_CREDITS and too little credit. */
  EXCEEDS_CREDITS,
  /** The credit account has CREDITS_MUST_NOT_EXCEED_DEBITS and too little debit. */
  EXCEEDS_DEBITS
}
