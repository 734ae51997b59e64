package org.telco.app.subscriber;

import org.telco.subscriber.Subscriber;

/**
 * A subscriber as the API shows it: never the password, balances from the ledger.
 *
 * @param msisdn the number
 * @param status the lifecycle state, such as ACTIVE or SUSPENDED_VOLUNTARY
 * @param balanceFen money on the subscriber's money account
 * @param dueFen fees charged but not paid yet (the arrears account)
 * @param planId the plan
 * @param operatorId the operator
 * @param createdAt when the number was subscribed
 * @param nextCycleAt when the next billing cycle starts
 */
record SubscriberJson(
    String msisdn,
    String status,
    long balanceFen,
    long dueFen,
    String planId,
    String operatorId,
    String createdAt,
    String nextCycleAt) {
  static SubscriberJson of(Subscriber subscriber, long balanceFen, long dueFen) {
    return new SubscriberJson(
        subscriber.msisdn().digits(),
        subscriber.state().name(),
        balanceFen,
        dueFen,
        subscriber.planId().value(),
        subscriber.operatorId().value(),
        subscriber.createdAt().toString(),
        subscriber.nextCycleAt().toString());
  }
}
