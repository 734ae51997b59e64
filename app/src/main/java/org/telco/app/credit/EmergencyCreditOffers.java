package org.telco.app.credit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.telco.app.subscriber.ArrearsReopening;
import org.telco.credit.Advance;
import org.telco.credit.AdvanceStore;
import org.telco.credit.Eligibility;
import org.telco.outbox.Outbox;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.StateChangeReason;
import org.telco.subscriber.StateChangeResult;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberState;
import org.telco.subscriber.SubscriberStore;
import org.telco.subscriber.SubscriberUpdate;
import org.telco.subscriber.SubscriberUpdateResult;
import org.telco.time.Fired;
import org.telco.time.Timer;
import org.telco.time.TimerHandler;

/**
 * Fires offer timers (flow F1): a number still barred for arrears when its offer falls due, and
 * eligible, is re-opened on an advance. The steps, each idempotent, for a whole batch of offers at
 * once:
 *
 * <ol>
 *   <li>the state moves BARRED_ARREARS → EMERGENCY_CREDIT, a compare-and-set on the subscriber's
 *       version. A top-up that re-opened the number first makes it stale, and no advance is made;
 *       one that comes after finds the advance and repays it first;
 *   <li>the advance is recorded, with the id the offer carries (one advance per offer however often
 *       it fires, and one open advance per number);
 *   <li>the ledger moves it from emergency credit straight to what is due when it all pays that,
 *       else to the subscriber's money, from which what is due is paid ({@link Lending});
 *   <li>the unbar command and the bill go to the outbox;
 *   <li>the offer's timer is named to wait again as the advance's deadline ({@link Fired#next}):
 *       the poller re-arms its row, in the write that would otherwise complete it.
 * </ol>
 *
 * <p>A crash between steps fires the offer again, and it resumes: a number on emergency credit
 * without its advance gets it recorded, an advance recorded gets its money and notices (the ledger
 * and outbox ignore what they have) and its deadline. Until the poller re-arms it, the offer stays
 * due.
 */
public final class EmergencyCreditOffers implements TimerHandler {
  private static final Logger LOG = Logger.getLogger(EmergencyCreditOffers.class.getName());

  private final SubscriberStore subscribers;
  private final AdvanceStore advances;
  private final Eligibility eligibility;
  private final Lending money;
  private final Outbox outbox;
  private final OfferTimers timers;
  private final EmergencyCreditNotices notices;
  private final Clock clock;

  EmergencyCreditOffers(
      SubscriberStore subscribers,
      AdvanceStore advances,
      Lending money,
      Outbox outbox,
      OfferTimers timers,
      EmergencyCreditNotices notices,
      Clock clock) {
    this.subscribers = subscribers;
    this.advances = advances;
    this.eligibility = new Eligibility(timers.policy());
    this.money = money;
    this.outbox = outbox;
    this.timers = timers;
    this.notices = notices;
    this.clock = clock;
  }

  /** Offers fire only in batches: {@link #fireAll} names each one's deadline for the poller. */
  @Override
  public void fire(Timer timer) {
    throw new UnsupportedOperationException("offers fire through fireAll: " + timer.id());
  }

  @Override
  public Fired fireAll(List<Timer> due) {
    Instant now = clock.instant();
    List<Timer> failed = new ArrayList<>();
    List<Offer> offers = read(due, failed);
    List<Offer> granting = new ArrayList<>();
    List<Offer> opening = new ArrayList<>();
    for (Offer offer : offers) {
      switch (offer.decide(now)) {
        case OPEN_NUMBER -> opening.add(offer);
        case RECORD_ADVANCE, FINISH -> granting.add(offer);
        case NOTHING -> {}
      }
    }
    Map<Offer, Figures> figures = money.figures(opening);
    granting.addAll(open(opening, figures, now, failed));
    record(granting, figures, now, failed);
    List<Offer> recorded = granting.stream().filter(o -> o.advance != null).toList();
    Set<Timer> refused = new HashSet<>(money.lend(recorded, figures));
    failed.addAll(refused);
    // No bill, unbar or deadline for an advance the ledger refused: it is tried again later.
    List<Timer> deadlines =
        finish(recorded.stream().filter(o -> !refused.contains(o.timer)).toList());
    return new Fired(failed, deadlines);
  }

  /** One offer per number; a second one in the same batch waits for the next poll. */
  private List<Offer> read(List<Timer> due, List<Timer> failed) {
    Map<Msisdn, Timer> byNumber = new LinkedHashMap<>();
    for (Timer timer : due) {
      if (byNumber.putIfAbsent(OfferTimers.numberOf(timer.payload()), timer) != null) {
        failed.add(timer);
      }
    }
    Map<Msisdn, Subscriber> found = subscribers.findAll(byNumber.keySet());
    Map<Msisdn, List<Advance>> history = advances.ofAll(byNumber.keySet());
    List<Offer> offers = new ArrayList<>(byNumber.size());
    for (Map.Entry<Msisdn, Timer> entry : byNumber.entrySet()) {
      Subscriber subscriber = found.get(entry.getKey());
      if (subscriber != null) {
        offers.add(
            new Offer(
                entry.getValue(), subscriber, history.getOrDefault(entry.getKey(), List.of())));
      }
    }
    return offers;
  }

  /** Moves the eligible numbers to EMERGENCY_CREDIT in one write; the ones written go on. */
  private List<Offer> open(
      List<Offer> opening, Map<Offer, Figures> figures, Instant now, List<Timer> failed) {
    List<SubscriberUpdate> updates = new ArrayList<>(opening.size());
    List<Offer> changing = new ArrayList<>(opening.size());
    for (Offer offer : opening) {
      if (offer.subscriber.change(StateChangeReason.EMERGENCY_CREDIT_GRANTED, now)
          instanceof StateChangeResult.Changed changed) {
        updates.add(SubscriberUpdate.of(changed));
        changing.add(offer);
      }
    }
    List<Offer> opened = new ArrayList<>(changing.size());
    List<SubscriberUpdateResult> results =
        updates.isEmpty() ? List.of() : subscribers.updateAll(updates);
    for (int i = 0; i < results.size(); i++) {
      Offer offer = changing.get(i);
      switch (results.get(i)) {
        case SubscriberUpdateResult.Updated updated -> {
          offer.subscriber = updated.subscriber();
          opened.add(offer);
        }
        // Changed meanwhile, most likely re-opened by a top-up: decided again on the next poll.
        case SubscriberUpdateResult.Stale stale -> failed.add(offer.timer);
        case SubscriberUpdateResult.NotFound notFound -> {}
      }
    }
    figures.keySet().retainAll(new HashSet<>(opened)); // a list's contains would be quadratic
    return opened;
  }

  /**
   * Records the advances not recorded yet, in one write; the figures they were decided on join
   * {@code figures}, for the ledger step.
   */
  private void record(
      List<Offer> granting, Map<Offer, Figures> figures, Instant now, List<Timer> failed) {
    List<Offer> recording = new ArrayList<>();
    List<Advance> fresh = new ArrayList<>();
    Map<Offer, Figures> missing =
        money.figures(
            granting.stream().filter(o -> o.advance == null && !figures.containsKey(o)).toList());
    figures.putAll(missing);
    for (Offer offer : granting) {
      if (offer.advance == null) {
        Figures known = figures.getOrDefault(offer, missing.get(offer));
        offer.advance = known.advance(offer, timers.policy(), now);
        recording.add(offer);
        fresh.add(offer.advance);
      }
    }
    List<AdvanceStore.Grant> grants = fresh.isEmpty() ? List.of() : advances.grantAll(fresh);
    for (int i = 0; i < grants.size(); i++) {
      Offer offer = recording.get(i);
      switch (grants.get(i)) {
        case GRANTED -> {}
        case ID_TAKEN -> offer.advance = advances.find(offer.advanceId()).orElseThrow();
        case ANOTHER_OPEN -> {
          LOG.warning(() -> offer.subscriber.msisdn() + " has another open advance; offer dropped");
          offer.advance = null;
        }
      }
    }
  }

  /**
   * Enqueues the bills and unbar commands of the recorded advances.
   *
   * @return their offers' timers as the advances' deadlines, for the poller to re-arm
   */
  private List<Timer> finish(List<Offer> recorded) {
    if (recorded.isEmpty()) {
      return List.of();
    }
    List<Advance> advances = new ArrayList<>(recorded.size());
    List<Timer> deadlines = new ArrayList<>(recorded.size());
    for (Offer offer : recorded) {
      advances.add(offer.advance);
      deadlines.add(OfferTimers.deadline(offer.timer, offer.advance.deadline()));
    }
    outbox.enqueueAll(notices.granted(advances));
    return deadlines;
  }

  /** What an offer does next, given the number's state and advances as read. */
  enum Step {
    /** Ineligible, or handled before. */
    NOTHING,
    /** Eligible: re-open the number, then record and lend. */
    OPEN_NUMBER,
    /** The number was re-opened by this offer but the advance is not recorded yet. */
    RECORD_ADVANCE,
    /** The advance is recorded: make sure its money, notices and deadline are. */
    FINISH
  }

  /** One offer being fired. */
  final class Offer {
    final Timer timer;
    final List<Advance> history;
    Subscriber subscriber;
    Advance advance;

    Offer(Timer timer, Subscriber subscriber, List<Advance> history) {
      this.timer = timer;
      this.subscriber = subscriber;
      this.history = history;
    }

    String advanceId() {
      return timer.payload();
    }

    Step decide(Instant now) {
      Optional<Advance> own = history.stream().filter(a -> a.id().equals(advanceId())).findFirst();
      if (own.isPresent()) {
        advance = own.get();
        return Step.FINISH;
      }
      if (subscriber.state() == SubscriberState.EMERGENCY_CREDIT) {
        return reopenedByThisOffer() ? Step.RECORD_ADVANCE : Step.NOTHING;
      }
      return switch (eligibility.check(subscriber, history, now)) {
        case Eligibility.Verdict.Eligible eligible -> Step.OPEN_NUMBER;
        case Eligibility.Verdict.Ineligible ineligible -> {
          LOG.fine(() -> subscriber.msisdn() + " gets no advance: " + ineligible.reason());
          yield Step.NOTHING;
        }
      };
    }

    /** On emergency credit with no advance granted since it got there: this offer's own step 1. */
    private boolean reopenedByThisOffer() {
      return !ArrearsReopening.grantedSinceLastChange(
          history, subscribers.history(subscriber.msisdn()));
    }
  }

  /**
   * A number's money and arrears when its advance is decided.
   *
   * @param availableFen money that can be spent
   * @param dueFen what is due
   */
  record Figures(long availableFen, long dueFen) {
    /** The advance this offer grants at {@code now}, with what of it pays what is due. */
    Advance advance(Offer offer, org.telco.credit.EmergencyCreditPolicy policy, Instant now) {
      long amount = policy.amountFor(offer.subscriber.planId());
      long covered = Math.max(0, Math.min(amount, dueFen - availableFen));
      return Advance.grant(
          offer.advanceId(),
          offer.subscriber.msisdn(),
          amount,
          covered,
          now,
          now.plus(policy.repaymentPeriod()));
    }
  }
}
