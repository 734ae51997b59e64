package org.telco.ledger;

import java.time.Instant;
import java.util.Set;

/**
 * The mutable state of one account inside a {@link Ledger}. The hot path updates these long fields
 * in place; immutable {@link Account} snapshots are made only when someone asks.
 *
 * <p>Every update goes through {@link #move}, which uses exact arithmetic: validation has already
 * ruled out overflow, so an {@link ArithmeticException} here would be a bug, never a silently
 * wrapped balance.
 */
final class Balances {
  final AccountId id;
  final Asset asset;
  final Set<AccountFlag> flags;
  final String name;
  final Instant createdAt;
  final boolean debitsLimited;
  final boolean creditsLimited;
  long debitsPending;
  long debitsPosted;
  long creditsPending;
  long creditsPosted;

  /** Whether the account is already listed among the changes since the last drain. */
  boolean touched;

  /** The transfers that touched the account, for history queries. */
  final AccountHistory history = new AccountHistory();

  private Balances(Account account) {
    this.id = account.id();
    this.asset = account.asset();
    this.flags = account.flags();
    this.name = account.name();
    this.createdAt = account.createdAt();
    this.debitsLimited = flags.contains(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
    this.creditsLimited = flags.contains(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS);
    this.debitsPending = account.debitsPending();
    this.debitsPosted = account.debitsPosted();
    this.creditsPending = account.creditsPending();
    this.creditsPosted = account.creditsPosted();
  }

  /** The mutable state of an account as committed (or as just opened). */
  static Balances of(Account account) {
    return new Balances(account);
  }

  /** An immutable snapshot of the account as it stands. */
  Account snapshot() {
    return new Account(
        id,
        asset,
        flags,
        name,
        debitsPending,
        debitsPosted,
        creditsPending,
        creditsPosted,
        createdAt);
  }

  /** Whether the fields that define the account (not its balances) match the request. */
  boolean sameDefinitionAs(NewAccount request) {
    return asset == request.asset() && flags.equals(request.flags()) && name.equals(request.name());
  }

  /**
   * Whether the account's limit flag is breached by its current balances. Written as a difference
   * of non-negative longs, which cannot overflow.
   */
  boolean breachesLimit() {
    return (debitsLimited && debitsPending > creditsPosted - debitsPosted)
        || (creditsLimited && creditsPending > debitsPosted - creditsPosted);
  }

  /**
   * Applies ({@code sign} 1) or reverts ({@code sign} -1) the effect of a committed transfer on
   * both of its accounts.
   *
   * @param amount the committed transfer's amount
   * @param reserved for a post or void, the amount the pending transfer reserved; else 0
   */
  static void move(
      Balances debit, Balances credit, TransferKind kind, long amount, long reserved, int sign) {
    long pendingDelta =
        switch (kind) {
          case IMMEDIATE -> 0;
          case PENDING -> amount;
          case POST_PENDING, VOID_PENDING -> -reserved;
        };
    long postedDelta =
        switch (kind) {
          case IMMEDIATE, POST_PENDING -> amount;
          case PENDING, VOID_PENDING -> 0;
        };
    pendingDelta *= sign;
    postedDelta *= sign;
    debit.debitsPending = Math.addExact(debit.debitsPending, pendingDelta);
    debit.debitsPosted = Math.addExact(debit.debitsPosted, postedDelta);
    credit.creditsPending = Math.addExact(credit.creditsPending, pendingDelta);
    credit.creditsPosted = Math.addExact(credit.creditsPosted, postedDelta);
  }
}
