package org.telco.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A snapshot of an account and its four balances at one moment.
 *
 * <p>Pending amounts are reserved by pending transfers that are neither posted nor voided yet;
 * posted amounts are final. The limit flags are checked against posted plus pending, so a
 * reservation can never be spent twice.
 *
 * @param id the account id
 * @param asset what it counts
 * @param flags the limits it enforces
 * @param name its label
 * @param debitsPending sum of pending debits
 * @param debitsPosted sum of posted debits
 * @param creditsPending sum of pending credits
 * @param creditsPosted sum of posted credits
 * @param createdAt when the ledger opened it
 */
public record Account(
    AccountId id,
    Asset asset,
    Set<AccountFlag> flags,
    String name,
    long debitsPending,
    long debitsPosted,
    long creditsPending,
    long creditsPosted,
    Instant createdAt) {

  /** Checks that no balance is negative. */
  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(asset, "asset");
    flags = Set.copyOf(flags);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
    if (debitsPending < 0 || debitsPosted < 0 || creditsPending < 0 || creditsPosted < 0) {
      throw new IllegalStateException("negative balance on account " + id);
    }
  }

  /** An account as first opened: all balances zero. */
  public static Account opened(NewAccount request, Instant createdAt) {
    return new Account(
        request.id(), request.asset(), request.flags(), request.name(), 0, 0, 0, 0, createdAt);
  }

  /**
   * Posted credits minus posted debits: what a customer-money account holds. Negative for accounts
   * that are normally debited, such as the operator's clearing accounts.
   */
  public long creditBalance() {
    return creditsPosted - debitsPosted;
  }

  /**
   * What can still be debited from an account with {@link
   * AccountFlag#DEBITS_MUST_NOT_EXCEED_CREDITS}: posted credits less posted and pending debits.
   */
  public long availableCredit() {
    return creditsPosted - debitsPosted - debitsPending;
  }

  /** Whether the fields that define the account (not its balances) match the request. */
  public boolean sameDefinitionAs(NewAccount request) {
    return id.equals(request.id())
        && asset == request.asset()
        && flags.equals(request.flags())
        && name.equals(request.name());
  }
}
