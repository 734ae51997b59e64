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
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.subscriber.PurposeCode;
import org.telco.subscriber.StateChange;
import org.telco.subscriber.StateChangeReason;
import org.telco.subscriber.StateChangeResult;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberState;
import org.telco.subscriber.SubscriberStore;
import org.telco.subscriber.SubscriberUpdate;
import org.telco.subscriber.SubscriberUpdateResult;
import org.telco.subscriber.TransferIds;

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
   * {@link #reopenIfPaid} for each of {@code written}, reading the arrears and money of the barred
   * ones at once first so that only those with nothing due, or with the money to pay it (which is
   * then settled), cost more than those reads.
   */
  public void reopenAllIfPaid(List<Subscriber> written) {
    List<Subscriber> barred = new ArrayList<>();
    List<CompletableFuture<Optional<Account>>> arrears = new ArrayList<>();
    List<CompletableFuture<Optional<Account>>> money = new ArrayList<>();
    for (Subscriber subscriber : written) {
      if (subscriber.state() == SubscriberState.BARRED_ARREARS) {
        barred.add(subscriber);
        arrears.add(ledger.account(subscriber.arrearsAccount()));
        money.add(ledger.account(subscriber.moneyAccount()));
      }
    }
    for (int i = 0; i < barred.size(); i++) {
      long due = arrears.get(i).join().map(ArrearsReopening::due).orElse(0L);
      long available = money.get(i).join().map(Account::availableCredit).orElse(0L);
      if (due <= 0 || (available >= due && settled(barred.get(i), due))) {
        reopenIfPaid(barred.get(i));
      }
    }
  }

  /**
   * Pays all that is due from money that covers it, for a number just barred: a top-up can land
   * between the fee run's read and its write (it re-opened the number, then the run recorded the
   * next fee as due from its stale read), and such a number must not stay barred with the money to
   * pay. The id names the subscriber's version, so a retry of the same write settles once.
   *
   * @return whether nothing is due any more
   */
  private boolean settled(Subscriber subscriber, long due) {
    TransferRequest settle =
        TransferRequest.posted(
            TransferIds.of(
                "settle-bar", subscriber.msisdn().digits(), Long.toString(subscriber.version())),
            subscriber.moneyAccount(),
            subscriber.arrearsAccount(),
            due,
            PurposeCode.ARREARS_SETTLED.code());
    return ledger.submit(List.of(settle)).join().getFirst() instanceof TransferResult.Accepted;
  }

  /** What the subscriber's arrears account says is due: debits less credits. */
  public long dueFen(Subscriber subscriber) {
    return ledger.account(subscriber.arrearsAccount()).join().map(ArrearsReopening::due).orElse(0L);
  }

  private static long due(Account arrears) {
    return arrears.debitsPosted() - arrears.creditsPosted();
  }
}
