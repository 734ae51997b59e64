package org.telco.app.subscriber;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.telco.credit.Advance;
import org.telco.credit.AdvanceStore;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.Account;
import org.telco.subscriber.StateChange;
import org.telco.subscriber.StateChangeReason;
import org.telco.subscriber.StateChangeResult;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberState;
import org.telco.subscriber.SubscriberStore;
import org.telco.subscriber.SubscriberUpdate;
import org.telco.subscriber.SubscriberUpdateResult;

/**
 * Re-opens a number once nothing is owed: barred for arrears with nothing due and no emergency
 * advance unpaid (ARREARS_PAID), or open on emergency credit with its advance repaid and nothing
 * due (ADVANCE_REPAID, formally re-opened). Both sides of a race call it: a payment after settling
 * (it may read the number as ACTIVE just before the billing run writes the bar) and the billing run
 * after writing a bar (the payment may have settled the fee just before). Each reads the other's
 * write after its own, so at least one of them sees a barred number with nothing due and re-opens
 * it; a number is never left barred with its arrears paid.
 */
public final class ArrearsReopening {
  private final SubscriberStore subscribers;
  private final AdvanceStore advances;
  private final ShardedLedger ledger;
  private final LifecycleNotices notices;
  private final Clock clock;

  /** Re-opening over one operator's subscribers and ledger, telling the network and handset. */
  public ArrearsReopening(
      SubscriberStore subscribers,
      AdvanceStore advances,
      ShardedLedger ledger,
      LifecycleNotices notices,
      Clock clock) {
    this.subscribers = subscribers;
    this.advances = advances;
    this.ledger = ledger;
    this.notices = notices;
    this.clock = clock;
  }

  /**
   * Re-opens {@code subscriber} if nothing is owed: from BARRED_ARREARS (ARREARS_PAID, unbar
   * command and SMS) or from EMERGENCY_CREDIT (ADVANCE_REPAID and SMS).
   *
   * @return the subscriber as it stands afterwards
   */
  public Subscriber reopenIfPaid(Subscriber subscriber) {
    StateChangeReason reason =
        switch (subscriber.state()) {
          case BARRED_ARREARS -> StateChangeReason.ARREARS_PAID;
          case EMERGENCY_CREDIT -> StateChangeReason.ADVANCE_REPAID;
          case ACTIVE, SUSPENDED_VOLUNTARY, PORTED_OUT, CLOSED -> null;
        };
    if (reason == null
        || dueFen(subscriber) > 0
        || advances.open(subscriber.msisdn()).isPresent()
        || (reason == StateChangeReason.ADVANCE_REPAID && !advanceWritten(subscriber))) {
      return subscriber;
    }
    return switch (subscriber.change(reason, clock.instant())) {
      case StateChangeResult.Changed changed ->
          switch (subscribers.update(SubscriberUpdate.of(changed))) {
            case SubscriberUpdateResult.Updated updated -> {
              notices.enqueue(changed.change());
              yield updated.subscriber();
            }
            case SubscriberUpdateResult.Stale stale ->
                reopenIfPaid(subscribers.find(subscriber.msisdn()).orElseThrow());
            case SubscriberUpdateResult.NotFound notFound ->
                throw new IllegalStateException("subscriber vanished: " + notFound.msisdn());
          };
      case StateChangeResult.Unchanged unchanged -> unchanged.subscriber();
      case StateChangeResult.Refused refused -> refused.subscriber();
    };
  }

  /**
   * Whether the advance that put the number on emergency credit is written: granted no earlier than
   * the number entered that state. Between the state write and the advance write (an offer being
   * granted), a number on emergency credit has no open advance yet, and must not be taken for one
   * that repaid it.
   */
  private boolean advanceWritten(Subscriber subscriber) {
    return grantedSinceLastChange(
        advances.of(subscriber.msisdn()), subscribers.history(subscriber.msisdn()));
  }

  /**
   * Whether one of {@code advances} was granted no earlier than the last entry of {@code history}:
   * for a number on emergency credit, whether the advance that put it there is recorded yet.
   */
  public static boolean grantedSinceLastChange(List<Advance> advances, List<StateChange> history) {
    if (history.isEmpty()) {
      return false;
    }
    Instant entered = history.getLast().at();
    return advances.stream().anyMatch(advance -> !advance.grantedAt().isBefore(entered));
  }

  /**
   * {@link #reopenIfPaid} for each of {@code written}, reading the arrears of the barred ones at
   * once first so that only those with nothing due cost more than that one read.
   */
  public void reopenAllIfPaid(List<Subscriber> written) {
    List<Subscriber> barred = new ArrayList<>();
    List<CompletableFuture<Optional<Account>>> arrears = new ArrayList<>();
    for (Subscriber subscriber : written) {
      if (subscriber.state() == SubscriberState.BARRED_ARREARS) {
        barred.add(subscriber);
        arrears.add(ledger.account(subscriber.arrearsAccount()));
      }
    }
    for (int i = 0; i < barred.size(); i++) {
      if (arrears.get(i).join().map(ArrearsReopening::due).orElse(0L) <= 0) {
        reopenIfPaid(barred.get(i));
      }
    }
  }

  /** What the subscriber's arrears account says is due: debits less credits. */
  public long dueFen(Subscriber subscriber) {
    return ledger.account(subscriber.arrearsAccount()).join().map(ArrearsReopening::due).orElse(0L);
  }

  private static long due(Account arrears) {
    return arrears.debitsPosted() - arrears.creditsPosted();
  }
}
