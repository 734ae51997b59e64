package org.telco.ledger;

import java.time.Instant;

/**
 * The overflow and limit checks for a transfer that adds to balances (an immediate or a pending
 * transfer), in {@link TransferRejection} precedence order.
 *
 * <p>Posts and voids need none of these: they only release a reservation and post at most what was
 * reserved, so no balance sum grows and no limit that held before can break.
 */
final class BalanceChecks {
  private static final long LAST_EPOCH_SECOND = Instant.MAX.getEpochSecond();

  private BalanceChecks() {}

  /**
   * The first overflow or limit the transfer would hit, or null when it fits.
   *
   * @param pending whether it reserves (pending balances) rather than posts
   * @param timeoutSeconds the pending transfer's timeout, else 0
   * @param now the commit time the timeout counts from
   */
  static TransferRejection check(
      boolean pending,
      Balances debit,
      Balances credit,
      long amount,
      long timeoutSeconds,
      Instant now) {
    if (pending && overflows(debit.debitsPending, amount)) {
      return TransferRejection.OVERFLOWS_DEBITS_PENDING;
    }
    if (pending && overflows(credit.creditsPending, amount)) {
      return TransferRejection.OVERFLOWS_CREDITS_PENDING;
    }
    if (!pending && overflows(debit.debitsPosted, amount)) {
      return TransferRejection.OVERFLOWS_DEBITS_POSTED;
    }
    if (!pending && overflows(credit.creditsPosted, amount)) {
      return TransferRejection.OVERFLOWS_CREDITS_POSTED;
    }
    if (overflows(debit.debitsPending, debit.debitsPosted, amount)) {
      return TransferRejection.OVERFLOWS_DEBITS;
    }
    if (overflows(credit.creditsPending, credit.creditsPosted, amount)) {
      return TransferRejection.OVERFLOWS_CREDITS;
    }
    if (pending && timeoutSeconds > LAST_EPOCH_SECOND - now.getEpochSecond()) {
      return TransferRejection.OVERFLOWS_TIMEOUT;
    }
    // The sums below cannot overflow: the checks above have just ruled it out.
    if (debit.debitsLimited
        && debit.debitsPending + debit.debitsPosted + amount > debit.creditsPosted) {
      return TransferRejection.EXCEEDS_CREDITS;
    }
    if (credit.creditsLimited
        && credit.creditsPending + credit.creditsPosted + amount > credit.debitsPosted) {
      return TransferRejection.EXCEEDS_DEBITS;
    }
    return null;
  }

  /** Whether {@code balance + amount} exceeds a long; both are non-negative. */
  private static boolean overflows(long balance, long amount) {
    return balance > Long.MAX_VALUE - amount;
  }

  /** Whether {@code pending + posted + amount} exceeds a long; all are non-negative. */
  private static boolean overflows(long pending, long posted, long amount) {
    return pending > Long.MAX_VALUE - posted || pending + posted > Long.MAX_VALUE - amount;
  }
}
