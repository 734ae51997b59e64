package org.telco.subscriber;

import java.time.Instant;
import java.util.Objects;
import org.telco.ledger.AccountId;

/**
 * A prepaid subscription: a number, its plan, its lifecycle state, its service password and its two
 * ledger accounts. Balances are not here: they live in the ledger, which is the only place money is
 * counted.
 *
 * <p>Subscribers change by copy. Every copy keeps the {@code version} it was read at; the store
 * writes a change only if the stored version is still that one, and then stores {@code version + 1}
 * (optimistic concurrency). Number, operator, accounts and creation time never change.
 *
 * @param msisdn the number
 * @param operatorId the operator serving it
 * @param planId the plan, in that operator's catalogue
 * @param state where it is in the lifecycle
 * @param password the service password, as a derived key
 * @param moneyAccount the prepaid balance (member 0 of the subscriber's account family)
 * @param arrearsAccount what is due (member 1 of the family)
 * @param createdAt when it subscribed; anchors the {@link BillingCycles}
 * @param nextCycleAt when the next billing cycle starts and its fee is due
 * @param version the stored version this copy was read at (0 when created)
 */
public record Subscriber(
    Msisdn msisdn,
    OperatorId operatorId,
    PlanId planId,
    SubscriberState state,
    ServicePassword password,
    AccountId moneyAccount,
    AccountId arrearsAccount,
    Instant createdAt,
    Instant nextCycleAt,
    long version) {
  /** Checks that nothing is missing and the two accounts form one family. */
  public Subscriber {
    Objects.requireNonNull(msisdn, "msisdn");
    Objects.requireNonNull(operatorId, "operatorId");
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(moneyAccount, "moneyAccount");
    Objects.requireNonNull(arrearsAccount, "arrearsAccount");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(nextCycleAt, "nextCycleAt");
    if (SubscriberAccounts.family(moneyAccount) != SubscriberAccounts.family(arrearsAccount)) {
      throw new IllegalArgumentException("money and arrears accounts must share a family");
    }
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative: " + version);
    }
  }

  /**
   * A new, ACTIVE subscription at {@code at}, in the account family {@code family} (from {@link
   * SubscriberStore#nextFamilySerial()} through {@link SubscriberAccounts#family(long)}). Its first
   * fee is due at the start of cycle 1.
   */
  public static Subscriber subscribe(
      Msisdn msisdn,
      OperatorId operatorId,
      PlanId planId,
      ServicePassword password,
      long family,
      Instant at,
      BillingCycles cycles) {
    return new Subscriber(
        msisdn,
        operatorId,
        planId,
        SubscriberState.ACTIVE,
        password,
        SubscriberAccounts.money(family),
        SubscriberAccounts.arrears(family),
        at,
        cycles.nextStartAfter(at, at),
        0);
  }

  /**
   * Moves to the state {@code reason} leads to, if the lifecycle allows it from here. Asking for
   * the state the subscriber is already in is a success that changes nothing (a retried request).
   */
  public StateChangeResult change(StateChangeReason reason, Instant at) {
    SubscriberState to = reason.target();
    if (to == state) {
      return new StateChangeResult.Unchanged(this);
    }
    if (!reason.explains(state, to)) {
      return new StateChangeResult.Refused(this, reason);
    }
    return new StateChangeResult.Changed(
        withState(to), new StateChange(msisdn, state, to, reason, at));
  }

  /** This subscriber with the next cycle start after the one due now. */
  public Subscriber nextCycle(BillingCycles cycles) {
    return withNextCycleAt(cycles.nextStartAfter(createdAt, nextCycleAt));
  }

  /** This subscriber in another state; use {@link #change} to follow the lifecycle rules. */
  Subscriber withState(SubscriberState next) {
    return new Subscriber(
        msisdn,
        operatorId,
        planId,
        next,
        password,
        moneyAccount,
        arrearsAccount,
        createdAt,
        nextCycleAt,
        version);
  }

  /** This subscriber on another plan, from the next cycle on. */
  public Subscriber withPlan(PlanId next) {
    return new Subscriber(
        msisdn,
        operatorId,
        next,
        state,
        password,
        moneyAccount,
        arrearsAccount,
        createdAt,
        nextCycleAt,
        version);
  }

  /** This subscriber with a new service password. */
  public Subscriber withPassword(ServicePassword next) {
    return new Subscriber(
        msisdn,
        operatorId,
        planId,
        state,
        next,
        moneyAccount,
        arrearsAccount,
        createdAt,
        nextCycleAt,
        version);
  }

  /** This subscriber with its next cycle starting at {@code next}. */
  public Subscriber withNextCycleAt(Instant next) {
    return new Subscriber(
        msisdn,
        operatorId,
        planId,
        state,
        password,
        moneyAccount,
        arrearsAccount,
        createdAt,
        next,
        version);
  }

  /** This subscriber as stored at {@code next}; for stores. */
  public Subscriber withVersion(long next) {
    return new Subscriber(
        msisdn,
        operatorId,
        planId,
        state,
        password,
        moneyAccount,
        arrearsAccount,
        createdAt,
        nextCycleAt,
        next);
  }

  /** The account family: the ids of every ledger account of this subscriber share it. */
  public long family() {
    return SubscriberAccounts.family(moneyAccount);
  }
}
