package org.telco.app.credit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.telco.app.subscriber.ArrearsReopening;
import org.telco.credit.Advance;
import org.telco.credit.AdvanceState;
import org.telco.credit.AdvanceStore;
import org.telco.outbox.Outbox;
import org.telco.subscriber.StateChange;
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
    Advance advance =
        found.get().state() == AdvanceState.OUTSTANDING
            ? repaidFromBalance(subscriber, found.get())
            : found.get();
    switch (advance.state()) {
      case OUTSTANDING -> {
        if (!advances.update(advance, advance.defaultAt(now))) {
          throw new IllegalStateException(advance.id() + " changed while defaulting; retried");
        }
        bar(subscriber, StateChangeReason.ADVANCE_DEFAULTED, now)
            .ifPresent(
                barred ->
                    outbox.enqueueAll(
                        notices.defaulted(advances.find(advance.id()).orElseThrow(), barred, now)));
      }
      case DEFAULTED ->
          bar(subscriber, StateChangeReason.ADVANCE_DEFAULTED, now)
              .ifPresent(barred -> outbox.enqueueAll(notices.defaulted(advance, barred, now)));
      case REPAID, RECOVERED -> closeRepaid(subscriber, advance, now);
    }
  }

  /** The advance after whatever money the subscriber has left repaid what it could. */
  private Advance repaidFromBalance(Subscriber subscriber, Advance advance) {
    repayment.repayFrom(subscriber);
    return advances.find(advance.id()).orElseThrow();
  }

  /**
   * The advance came back, but the number is still open on it: re-open it formally if nothing is
   * due, else bar it for the fee the advance did not cover (FEE_UNPAID), since the advance that
   * kept it open is over.
   */
  private void closeRepaid(Subscriber subscriber, Advance advance, Instant now) {
    Subscriber current =
        reopening.reopenIfPaid(subscribers.find(subscriber.msisdn()).orElseThrow());
    if (current.state() == SubscriberState.EMERGENCY_CREDIT) {
      long due = reopening.dueFen(current);
      bar(current, StateChangeReason.FEE_UNPAID, now)
          .ifPresent(barred -> outbox.enqueueAll(notices.feeStillDue(advance, due, now)));
    }
  }

  /**
   * Moves a number still open on emergency credit to BARRED_ARREARS for {@code reason}.
   *
   * @return whether this deadline barred it (true), found it barred by this deadline before a crash
   *     (true: the notices are sent again, and ignored if they went out), or found it barred for
   *     something else or not open on emergency credit (empty: nothing to say about the advance's
   *     bar; a number barred for a fee meanwhile is told only of the default, as false)
   */
  private Optional<Boolean> bar(Subscriber subscriber, StateChangeReason reason, Instant now) {
    Subscriber current = subscribers.find(subscriber.msisdn()).orElseThrow();
    if (current.state() == SubscriberState.EMERGENCY_CREDIT) {
      if (current.change(reason, now) instanceof StateChangeResult.Changed changed
          && !(subscribers.update(SubscriberUpdate.of(changed))
              instanceof SubscriberUpdateResult.Updated)) {
        throw new IllegalStateException(current.msisdn() + " changed while barring; retried");
      }
      return Optional.of(true);
    }
    List<StateChange> history = subscribers.history(current.msisdn());
    boolean barredByUs =
        current.state() == SubscriberState.BARRED_ARREARS
            && !history.isEmpty()
            && history.getLast().reason() == reason
            && history.getLast().from() == SubscriberState.EMERGENCY_CREDIT;
    if (barredByUs) {
      return Optional.of(true);
    }
    return reason == StateChangeReason.ADVANCE_DEFAULTED ? Optional.of(false) : Optional.empty();
  }
}
