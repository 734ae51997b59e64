package org.telco.app.ledger;

import java.util.List;
import org.telco.ledger.Account;
import org.telco.ledger.AccountFlag;

/**
 * An account on the wire, with its balances.
 *
 * @param id the account id
 * @param asset the asset it counts
 * @param flags its limit flags
 * @param name its label
 * @param debitsPending pending debits
 * @param debitsPosted posted debits
 * @param creditsPending pending credits
 * @param creditsPosted posted credits
 * @param balance posted credits minus posted debits
 * @param available what can still be debited (posted credits less posted and pending debits)
 * @param createdAt when it was opened, ISO-8601 UTC
 */
record AccountJson(
    long id,
    String asset,
    List<String> flags,
    String name,
    long debitsPending,
    long debitsPosted,
    long creditsPending,
    long creditsPosted,
    long balance,
    long available,
    String createdAt) {

  static AccountJson of(Account a) {
    return new AccountJson(
        a.id().value(),
        a.asset().name(),
        a.flags().stream().map(AccountFlag::name).sorted().toList(),
        a.name(),
        a.debitsPending(),
        a.debitsPosted(),
        a.creditsPending(),
        a.creditsPosted(),
        a.creditBalance(),
        a.availableCredit(),
        a.createdAt().toString());
  }
}
