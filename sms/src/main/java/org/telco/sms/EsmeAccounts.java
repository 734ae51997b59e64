package org.telco.sms;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The ESME accounts of one centre, and the bind check. */
public final class EsmeAccounts {
  private final Map<String, EsmeAccount> bySystemId;

  /** The given accounts; system_ids must be distinct. */
  public EsmeAccounts(List<EsmeAccount> accounts) {
    this.bySystemId =
        accounts.stream()
            .collect(Collectors.toUnmodifiableMap(EsmeAccount::systemId, Function.identity()));
  }

  /** What a bind with these credentials gets. */
  public BindVerdict check(String systemId, String password) {
    EsmeAccount account = bySystemId.get(systemId);
    if (account == null) {
      return new BindVerdict.UnknownSystemId();
    }
    return account.passwordMatches(password)
        ? new BindVerdict.Bound(account)
        : new BindVerdict.WrongPassword();
  }

  /** The account with {@code systemId}. */
  public Optional<EsmeAccount> find(String systemId) {
    return Optional.ofNullable(bySystemId.get(systemId));
  }

  /** Every account. */
  public List<EsmeAccount> all() {
    return List.copyOf(bySystemId.values());
  }

  /** The outcome of a bind's credentials check. */
  public sealed interface BindVerdict {
    /** Credentials are right. */
    record Bound(EsmeAccount account) implements BindVerdict {}

    /** No account has this system_id. */
    record UnknownSystemId() implements BindVerdict {}

    /** The account exists; the password is wrong. */
    record WrongPassword() implements BindVerdict {}
  }
}
