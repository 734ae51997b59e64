package org.telco.app.credit;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.telco.app.subscriber.ArrearsReopening;
import org.telco.credit.Advance;
import org.telco.credit.AdvanceState;
import org.telco.credit.AdvanceStore;
import org.telco.outbox.Outbox;
import org.telco.subscriber.StateChangeReason;
import org.telco.subscriber.StateChangeResult;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberState;
import org.telco.subscriber.SubscriberStore;
import org.telco.subscriber.SubscriberUpdate;
import org.telco.subscriber.SubscriberUpdateResult;
import org.telco.time.Timer;
import org.telco.time.TimerHandler;

/**
 * Fires an advance's deadline timer (flow F1). Whatever money the subscriber has left repays the
 * advance first; if that settles it, the number is formally re-opened like after a top-up.
 * Otherwise the advance is DEFAULTED (a compare-and-set, so a top-up repaying it at the same moment
 * wins or loses whole), and a number still open on it is barred again (ADVANCE_DEFAULTED) with a
 * bar command and an SMS; a number barred meanwhile for a fee only gets the SMS. What stays owed is
 * recovered from the next top-up first.
 *
 * <p>Each step reads where the last one left off, so a deadline fired again after a crash finishes
 * the job without doing any step twice.
 */
final class AdvanceDeadlines implements TimerHandler {
  private final AdvanceStore advances;
  private final SubscriberStore subscribers;
  private final AdvanceRepayment repayment;
  private final ArrearsReopening reopening;
  private final Outbox outbox;
  private final EmergencyCreditNotices notices;
  private final Clock clock;

  AdvanceDeadlines(
      AdvanceStore advances,
      SubscriberStore subscribers,
      AdvanceRepayment repayment,
      ArrearsReopening reopening,
      Outbox outbox,
      EmergencyCreditNotices notices,
      Clock clock) {
    this.advances = advances;
    this.subscribers = subscribers;
    this.repayment = repayment;
    this.reopening = reopening;
    this.outbox = outbox;
    this.notices = notices;
    this.clock = clock;
  }

  @Override
  public void fire(Timer timer) {
    Optional<Advance> found = advances.find(timer.payload());
    if (found.isEmpty()) {
      return;
    }
    Subscriber subscriber = subscribers.find(found.get().msisdn()).orElseThrow();
    Instant now = clock.instant();
    Advance advance = found.get();
    if (advance.state() == AdvanceState.OUTSTANDING) {
      repayment.repayFrom(subscriber);
      advance = advances.find(advance.id()).orElseThrow();
    }
    switch (advance.state()) {
      case OUTSTANDING -> {
        if (!advances.update(advance, advance.defaultAt(now))) {
          throw new IllegalStateException(advance.id() + " changed while defaulting; retried");
        }
        bar(subscriber, advances.find(advance.id()).orElseThrow(), now);
      }
      case DEFAULTED -> bar(subscriber, advance, now);
      case REPAID, RECOVERED ->
          reopening.reopenIfPaid(subscribers.find(subscriber.msisdn()).orElseThrow());
    }
  }

  /**
   * Bars a number still open on the defaulted advance, and tells the subscriber. The bar command
   * goes out whenever the number is barred afterwards, so a deadline fired again after a crash
   * between the state write and the outbox still sends it (the network ignores a second bar).
   */
  private void bar(Subscriber subscriber, Advance defaulted, Instant now) {
    Subscriber current = subscribers.find(subscriber.msisdn()).orElseThrow();
    if (current.state() == SubscriberState.EMERGENCY_CREDIT
        && current.change(StateChangeReason.ADVANCE_DEFAULTED, now)
            instanceof StateChangeResult.Changed changed) {
      if (!(subscribers.update(SubscriberUpdate.of(changed))
          instanceof SubscriberUpdateResult.Updated updated)) {
        throw new IllegalStateException(current.msisdn() + " changed while barring; retried");
      }
      current = updated.subscriber();
    }
    boolean barred = current.state() == SubscriberState.BARRED_ARREARS;
    outbox.enqueueAll(notices.defaulted(defaulted, barred, defaulted.closedAt()));
  }
}
