package org.telco.ledger;

import java.util.Objects;
import java.util.Set;

/**
 * A request to open an account. Creating the same account again with the same fields is a success;
 * with different fields it is rejected.
 *
 * @param id the client-chosen id
 * @param asset what the account counts
 * @param flags the limits it enforces
 * @param name a human-readable label, such as {@code subscriber:8613800000001}; may be empty
 */
public record NewAccount(AccountId id, Asset asset, Set<AccountFlag> flags, String name) {
  /** Longest label accepted. */
  public static final int NAME_LENGTH_MAX = 128;

  /** Checks the fields and freezes the flag set. */
  public NewAccount {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(asset, "asset");
    flags = Set.copyOf(flags);
    Objects.requireNonNull(name, "name");
    if (name.length() > NAME_LENGTH_MAX) {
      throw new IllegalArgumentException("name longer than " + NAME_LENGTH_MAX);
    }
    if (flags.contains(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)
        && flags.contains(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS)) {
      throw new IllegalArgumentException("an account takes at most one limit flag");
    }
  }
}
