package org.telco.ledger;

import java.util.Objects;

/** The outcome of one request to open an account. */
public sealed interface AccountResult {
  /** The request's account id. */
  AccountId id();

  /**
   * The account exists as requested.
   *
   * @param account the account as it stands
   * @param replayed true when it already existed with the same fields
   */
  record Opened(Account account, boolean replayed) implements AccountResult {
    /** Requires the account. */
    public Opened {
      Objects.requireNonNull(account, "account");
    }

    @Override
    public AccountId id() {
      return account.id();
    }
  }

  /**
   * Nothing was opened.
   *
   * @param id the requested id
   * @param reason why
   */
  record Rejected(AccountId id, AccountRejection reason) implements AccountResult {
    /** Requires both fields. */
    public Rejected {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
