package org.telco.app.charging;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.telco.charging.ChargingRef;
import org.telco.charging.ChargingRequest;
import org.telco.charging.ChargingSession;
import org.telco.charging.DailyUsage;
import org.telco.charging.QuotaSettings;
import org.telco.charging.Reservation;
import org.telco.charging.SessionState;
import org.telco.charging.SessionStore;
import org.telco.charging.UnitAnswer;
import org.telco.charging.UnitRequest;
import org.telco.charging.UnitResult;
import org.telco.concurrent.StripedLocks;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.Plan;
import org.telco.subscriber.PlanCatalog;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.SubscriberState;
import org.telco.subscriber.SubscriberStore;
import org.telco.traffic.Bucket;
import org.telco.traffic.BucketStore;
import org.telco.traffic.RatingGroup;

/**
 * Online charging of data sessions (flow F5, the CHF side of Nchf_ConvergedCharging): creates,
 * updates and releases charging sessions, settling reported usage and granting quota per rating
 * group ({@link QuotaDesk}).
 *
 * <p>Requests of one session are applied one at a time, in invocation sequence order. A request
 * whose sequence number is the session's last one is a retransmission and gets the stored answer
 * again, whatever its retransmission indicator says: nothing is charged twice. The session, its
 * answer and the day's usage are stored together after the ledger has moved, so a restart finds the
 * session as its last answer left it; reservations made by a request whose answer was never stored
 * expire in the ledger by themselves.
 */
final class OnlineCharging {
  private static final int LOCK_STRIPES = 1_024;

  private final SubscriberStore subscribers;
  private final Supplier<PlanCatalog> plans;
  private final BucketStore buckets;
  private final SessionStore sessions;
  private final QuotaDesk desk;
  private final QuotaSettings settings;
  private final Clock clock;
  private final ZoneId zone;
  private final RandomGenerator random;
  private final StripedLocks locks = new StripedLocks(LOCK_STRIPES);

  OnlineCharging(
      SubscriberStore subscribers,
      Supplier<PlanCatalog> plans,
      BucketStore buckets,
      SessionStore sessions,
      QuotaDesk desk,
      QuotaSettings settings,
      Clock clock,
      ZoneId zone,
      RandomGenerator random) {
    this.subscribers = subscribers;
    this.plans = plans;
    this.buckets = buckets;
    this.sessions = sessions;
    this.desk = desk;
    this.settings = settings;
    this.clock = clock;
    this.zone = zone;
    this.random = random;
  }

  /** What came of a request. */
  sealed interface Outcome {
    /**
     * Applied (or, replayed, answered as before).
     *
     * @param session the session after it
     * @param answers per rating group
     * @param replayed whether this was a retransmission answered from the store
     */
    record Answered(ChargingSession session, List<UnitAnswer> answers, boolean replayed)
        implements Outcome {}

    /** The number is not a subscriber here. */
    record UserUnknown() implements Outcome {}

    /** The subscriber may not use data now; no session was created. */
    record Denied(SubscriberState state) implements Outcome {}

    /** No session has this ref. */
    record SessionUnknown() implements Outcome {}

    /** The session was released before. */
    record SessionEnded(ChargingSession session) implements Outcome {}

    /** The sequence number is older than the session's last one. */
    record OutOfSequence(ChargingSession session) implements Outcome {}
  }

  /** Creates a session for {@code msisdn} and applies its first request. */
  Outcome create(Msisdn msisdn, String notifyUri, ChargingRequest request) {
    Optional<Subscriber> subscriber = subscribers.find(msisdn);
    if (subscriber.isEmpty() || !subscriber.get().state().inService()) {
      return new Outcome.UserUnknown();
    }
    if (!mayUseData(subscriber.get())) {
      return new Outcome.Denied(subscriber.get().state());
    }
    Instant now = clock.instant();
    ChargingSession opened =
        new ChargingSession(
            newRef(),
            msisdn,
            SubscriberAccounts.family(subscriber.get().moneyAccount()),
            notifyUri,
            SessionState.OPEN,
            -1,
            "",
            Map.of(),
            now,
            now);
    sessions.create(opened);
    return locks.locked(opened.ref(), () -> apply(opened, request, false));
  }

  /** Applies an update to session {@code ref}. */
  Outcome update(ChargingRef ref, ChargingRequest request) {
    return locks.locked(ref, () -> applyTo(ref, request, false));
  }

  /** Applies the final request of session {@code ref} and ends it. */
  Outcome release(ChargingRef ref, ChargingRequest request) {
    return locks.locked(ref, () -> applyTo(ref, request, true));
  }

  /** The subscriber's open sessions, for the notice when the number is barred. */
  List<ChargingSession> openSessionsOf(Msisdn msisdn) {
    return sessions.openOf(msisdn);
  }

  private Outcome applyTo(ChargingRef ref, ChargingRequest request, boolean release) {
    Optional<ChargingSession> stored = sessions.find(ref);
    if (stored.isEmpty()) {
      return new Outcome.SessionUnknown();
    }
    ChargingSession session = stored.get();
    if (request.sequence() == session.sequence()) {
      return new Outcome.Answered(session, UnitAnswer.decode(session.answer()), true);
    }
    if (!session.isOpen()) {
      return new Outcome.SessionEnded(session);
    }
    if (request.sequence() < session.sequence()) {
      return new Outcome.OutOfSequence(session);
    }
    return apply(session, request, release);
  }

  private Outcome apply(ChargingSession session, ChargingRequest request, boolean release) {
    Instant now = clock.instant();
    Optional<Subscriber> subscriber = subscribers.find(session.msisdn());
    long price =
        subscriber
            .flatMap(s -> plans.get().find(s.planId()))
            .map(Plan::payAsYouGoFenPerMegabyte)
            .orElse(0L);
    boolean mayUse = subscriber.isPresent() && mayUseData(subscriber.get());
    List<Bucket> live = subscriber.isPresent() ? buckets.liveOf(session.msisdn()) : List.of();
    Map<RatingGroup, List<Reservation>> held = new HashMap<>(session.held());
    List<QuotaDesk.Settle> settles = new ArrayList<>();
    List<QuotaDesk.Ask> asks = new ArrayList<>();
    for (UnitRequest unit : request.units()) {
      if (unit.usageReported() || release) {
        settles.add(
            new QuotaDesk.Settle(
                unit.group(), held.getOrDefault(unit.group(), List.of()), unit.usedBytes()));
        held.remove(unit.group());
      }
      if (unit.quotaRequested() && !release && mayUse) {
        asks.add(new QuotaDesk.Ask(unit.group(), settings.quotaFor(unit.requestedBytes())));
      }
    }
    if (release) {
      held.forEach((group, left) -> settles.add(new QuotaDesk.Settle(group, left, 0)));
      held.clear();
    }
    QuotaDesk.Result result =
        desk.apply(
            session.ref().value() + ":" + request.sequence(),
            new QuotaDesk.Payers(subscriber.orElse(null), live, price, now),
            settles,
            asks);
    List<UnitAnswer> answers = new ArrayList<>();
    for (UnitRequest unit : request.units()) {
      answers.add(answer(unit, release, mayUse, result, held));
    }
    SessionState state = release ? SessionState.RELEASED : SessionState.OPEN;
    ChargingSession next =
        session.after(request.sequence(), UnitAnswer.encode(answers), held, state, now);
    if (!sessions.save(next, session.sequence(), usage(result.chargedBytes(), now))) {
      throw new IllegalStateException("session " + session.ref() + " changed under its lock");
    }
    return new Outcome.Answered(next, answers, false);
  }

  /** The answer for one rating group; a grant's reservations join what the group holds. */
  private UnitAnswer answer(
      UnitRequest unit,
      boolean release,
      boolean mayUse,
      QuotaDesk.Result result,
      Map<RatingGroup, List<Reservation>> held) {
    if (!unit.quotaRequested() || release) {
      return new UnitAnswer(unit.group(), UnitResult.SUCCESS, 0, 0, 0, 0, false);
    }
    if (!mayUse) {
      return UnitAnswer.refused(unit.group(), UnitResult.END_USER_SERVICE_DENIED);
    }
    QuotaDesk.Grant grant = result.grants().get(unit.group());
    if (grant.bytes() == 0) {
      return UnitAnswer.refused(unit.group(), UnitResult.QUOTA_LIMIT_REACHED);
    }
    List<Reservation> now = new ArrayList<>(held.getOrDefault(unit.group(), List.of()));
    now.addAll(grant.reservations());
    held.put(unit.group(), now);
    return new UnitAnswer(
        unit.group(),
        UnitResult.SUCCESS,
        grant.bytes(),
        grant.validitySeconds(),
        settings.quotaHoldingSeconds(),
        settings.thresholdFor(grant.bytes()),
        grant.lastOfFunds());
  }

  private List<DailyUsage> usage(Map<RatingGroup, Long> used, Instant now) {
    LocalDate day = LocalDate.ofInstant(now, zone);
    List<DailyUsage> usage = new ArrayList<>();
    used.forEach(
        (group, bytes) -> {
          if (bytes > 0) {
            usage.add(new DailyUsage(day, group, bytes));
          }
        });
    return usage;
  }

  /** Whether the number may use data: open (ACTIVE) or re-opened on an advance. */
  static boolean mayUseData(Subscriber subscriber) {
    return subscriber.state() == SubscriberState.ACTIVE
        || subscriber.state() == SubscriberState.EMERGENCY_CREDIT;
  }

  /**
   * A fresh session ref. Creates run on many request threads at once, and most generators (the
   * tests' seeded {@code SplittableRandom} among them) are not safe to share: unguarded, two
   * threads drew the same ref. The monitor makes any generator safe; it is held for two draws.
   */
  private ChargingRef newRef() {
    long high;
    long low;
    synchronized (random) {
      high = random.nextLong();
      low = random.nextLong();
    }
    java.util.HexFormat hex = java.util.HexFormat.of();
    return new ChargingRef(hex.toHexDigits(high) + "-" + hex.toHexDigits(low));
  }
}
