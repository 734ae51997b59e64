package org.telco.app.subscriber;

import java.time.Clock;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.AccountResult;
import org.telco.subscriber.BillingCycles;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.Plan;
import org.telco.subscriber.ServicePassword;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.SubscriberCreation;
import org.telco.subscriber.SubscriberStore;

/**
 * Subscribing a checked number to a checked plan: the API and the demo data both go through here,
 * so a demo subscriber is made exactly like any other. The ledger accounts are opened first
 * (deterministic ids, idempotent) and only then the subscriber row is inserted, so nothing is ever
 * half-written (see {@link SubscriberRoutes}).
 */
public final class Subscription {
  private final OperatorProfile profile;
  private final SubscriberStore store;
  private final SubscriberAccounts accounts;
  private final ShardedLedger ledger;
  private final Clock clock;
  private final RandomGenerator random;

  /** Subscribes on one operator's store and ledger engine. */
  public Subscription(
      OperatorProfile profile,
      SubscriberStore store,
      SubscriberAccounts accounts,
      ShardedLedger ledger,
      Clock clock,
      RandomGenerator random) {
    this.profile = profile;
    this.store = store;
    this.accounts = accounts;
    this.ledger = ledger;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Derives the service password's key (slow on purpose), opens the accounts and stores the
   * subscriber. The password is wiped afterwards.
   *
   * @param msisdn a number in the operator's ranges
   * @param plan one of the operator's plans
   * @param password a password that passed the policy
   * @throws IllegalStateException when the ledger refuses an account
   */
  public SubscriberCreation subscribe(Msisdn msisdn, Plan plan, char[] password) {
    ServicePassword key;
    try {
      key = ServicePassword.choose(password, random);
    } finally {
      Arrays.fill(password, '\0');
    }
    Subscriber subscriber =
        Subscriber.subscribe(
            msisdn,
            profile.id(),
            plan.id(),
            key,
            SubscriberAccounts.subscriberFamily(store.nextFamilySerial()),
            clock.instant(),
            new BillingCycles(profile.zone()));
    for (AccountResult result : ledger.open(accounts.open(subscriber)).join()) {
      switch (result) {
        case AccountResult.Opened opened -> {}
        case AccountResult.Rejected rejected ->
            throw new IllegalStateException(
                "account of " + msisdn + " refused: " + rejected.reason());
      }
    }
    return store.create(subscriber);
  }
}
