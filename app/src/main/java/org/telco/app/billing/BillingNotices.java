package org.telco.app.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.telco.messaging.SmsMessage;
import org.telco.messaging.SmsMessages;
import org.telco.network.NetworkCommand;
import org.telco.network.NetworkCommands;
import org.telco.outbox.Outbox;
import org.telco.outbox.OutboxMessage;
import org.telco.payment.Yuan;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.Plan;
import org.telco.subscriber.Subscriber;

/**
 * What the billing run tells the network and the subscriber. Unlike state changes made by requests,
 * the ids come from the number and the cycle date, not from the time of the change: a run cut short
 * and run again decides the same cycle again, perhaps at another instant, and must enqueue the same
 * ids so the outbox ignores the second copy.
 *
 * <p>The notices of a chunk are collected, drained and enqueued together, one outbox write per
 * chunk. Collecting is for one thread; {@link #enqueue} may run on another.
 */
final class BillingNotices {
  /** Reason given to the network for a bar over an unpaid fee. */
  static final String ARREARS_BAR_REASON = "fee-unpaid";

  private final OperatorProfile profile;
  private final Outbox outbox;
  private final List<OutboxMessage> collected = new ArrayList<>();

  BillingNotices(OperatorProfile profile, Outbox outbox) {
    this.profile = profile;
    this.outbox = outbox;
  }

  /** Everything collected since the last drain, in the order it was collected. */
  List<OutboxMessage> drain() {
    List<OutboxMessage> drained = List.copyOf(collected);
    collected.clear();
    return drained;
  }

  /** Enqueues drained messages in one outbox write; safe to call from another thread. */
  void enqueue(List<OutboxMessage> messages) {
    if (!messages.isEmpty()) {
      outbox.enqueueAll(messages);
    }
  }

  /** An SMS saying the fee of the cycle starting on {@code cycle} was charged. */
  void feeCharged(Subscriber subscriber, Plan plan, LocalDate cycle, Instant at) {
    sms(
        "fee-charged",
        subscriber,
        cycle,
        "Your monthly fee of "
            + Yuan.of(plan.monthlyFeeFen())
            + " yuan for "
            + plan.name()
            + " was charged on "
            + cycle
            + ".",
        at);
  }

  /**
   * An SMS warning that the money left after the fee of the cycle starting on {@code cycle} will
   * not pay the next one, so the number would be barred at {@code nextCycle} without a top-up.
   */
  void balanceLow(
      Subscriber subscriber,
      Plan plan,
      LocalDate cycle,
      long balanceFen,
      LocalDate nextCycle,
      Instant at) {
    sms(
        "balance-low",
        subscriber,
        cycle,
        "Your balance is "
            + Yuan.of(balanceFen)
            + " yuan, less than the monthly fee of "
            + Yuan.of(plan.monthlyFeeFen())
            + " yuan due on "
            + nextCycle
            + ". Top up before then to stay connected.",
        at);
  }

  /** A bar command and an SMS: the fee of the cycle starting on {@code cycle} is unpaid. */
  void barred(Subscriber subscriber, Plan plan, LocalDate cycle, Instant at) {
    String digits = subscriber.msisdn().digits();
    collected.add(
        NetworkCommands.message(
            new NetworkCommand.Bar("arrears:" + digits + ":" + cycle, digits, ARREARS_BAR_REASON),
            at));
    sms(
        "barred",
        subscriber,
        cycle,
        "Your number is barred: the monthly fee of "
            + Yuan.of(plan.monthlyFeeFen())
            + " yuan due on "
            + cycle
            + " is unpaid. A top-up re-opens it.",
        at);
  }

  private void sms(String kind, Subscriber subscriber, LocalDate cycle, String text, Instant at) {
    String digits = subscriber.msisdn().digits();
    collected.add(
        SmsMessages.message(
            new SmsMessage(
                kind + ":" + digits + ":" + cycle, profile.serviceShortCode(), digits, text, at)));
  }
}
