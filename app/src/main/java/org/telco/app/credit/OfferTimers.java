package org.telco.app.credit;

import java.time.Instant;
import java.util.List;
import org.telco.credit.EmergencyCreditPolicy;
import org.telco.subscriber.Msisdn;
import org.telco.time.Timer;
import org.telco.time.TimerStore;

/**
 * The durable timers of emergency credit. A number barred for arrears gets an <b>offer</b> timer,
 * due after the policy's delay; when it grants an advance, the same timer row waits again as the
 * advance's <b>deadline</b> (kind {@link #DEADLINE}, same id and payload). The offer's id comes
 * from the number and what barred it (the fee cycle), so a fee run done again schedules nothing
 * new, and its payload is the id the advance will have, so an offer fired twice grants one advance.
 */
public final class OfferTimers {
  /** Timer kind: offer an advance to a number barred for arrears. */
  public static final String OFFER = "emergency-credit.offer";

  /** Timer kind: an advance's repayment deadline. */
  public static final String DEADLINE = "emergency-credit.deadline";

  private final TimerStore timers;
  private final EmergencyCreditPolicy policy;

  /** Timers in {@code timers}, delayed as {@code policy} says. */
  public OfferTimers(TimerStore timers, EmergencyCreditPolicy policy) {
    this.timers = timers;
    this.policy = policy;
  }

  /**
   * The offer for {@code msisdn}, barred at {@code barredAt} for the reason named by {@code barKey}
   * (such as the fee cycle's date).
   */
  public Timer offer(Msisdn msisdn, String barKey, Instant barredAt) {
    String advanceId = msisdn.digits() + ":" + barKey;
    return new Timer(OFFER + ":" + advanceId, OFFER, advanceId, barredAt.plus(policy.delay()));
  }

  /** Schedules offers in one write; ids that exist are left alone. */
  public void schedule(List<Timer> offers) {
    if (!offers.isEmpty()) {
      timers.scheduleAll(offers);
    }
  }

  /**
   * The deadline of the advance {@code offer} granted, due at {@code deadline}: the offer's own row
   * re-armed ({@link org.telco.time.Fired#next}), so its id stays the offer's.
   */
  static Timer deadline(Timer offer, Instant deadline) {
    return new Timer(offer.id(), DEADLINE, offer.payload(), deadline);
  }

  /** The number an advance id (and so an offer's payload) belongs to. */
  static Msisdn numberOf(String advanceId) {
    int colon = advanceId.indexOf(':');
    return new Msisdn(colon < 0 ? advanceId : advanceId.substring(0, colon));
  }

  EmergencyCreditPolicy policy() {
    return policy;
  }
}
