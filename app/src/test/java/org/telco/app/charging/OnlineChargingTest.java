package org.telco.app.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.app.traffic.TrafficTestbed;
import org.telco.charging.ChargingRef;
import org.telco.charging.ChargingRequest;
import org.telco.charging.InMemorySessionStore;
import org.telco.charging.QuotaSettings;
import org.telco.charging.UnitAnswer;
import org.telco.charging.UnitRequest;
import org.telco.charging.UnitResult;
import org.telco.ledger.Account;
import org.telco.subscriber.Subscriber;
import org.telco.traffic.Bucket;
import org.telco.traffic.RatingGroup;
import org.telco.traffic.TrafficCatalog;

/**
 * Online charging over the reference stores and a real ledger engine: grants drawn from buckets in
 * priority order (directed buckets for their apps only), then from money, then refused; usage
 * posted and the rest released; retransmissions answered from the session; concurrent sessions of
 * one subscriber never granted more than it holds.
 */
class OnlineChargingTest {
  private static final RatingGroup VIDEO = TrafficCatalog.VIDEO_APP;
  private static final RatingGroup WEB = TrafficCatalog.WEB;
  private static final long MB = 1_000_000L;

  private final TrafficTestbed bed = new TrafficTestbed();
  private final InMemorySessionStore sessions = new InMemorySessionStore();
  private final OnlineCharging charging =
      new OnlineCharging(
          bed.subscribers(),
          bed::plans,
          bed.buckets(),
          sessions,
          new QuotaDesk(bed.engine(), bed.trafficAccounts(), QuotaSettings.DEFAULT, bed.zone()),
          QuotaSettings.DEFAULT,
          bed.clock(),
          bed.zone(),
          new SplittableRandom(3));
  private final Subscriber user = bed.subscriber("8613800000001", "standard", 2_000);

  @AfterEach
  void stop() {
    bed.close();
  }

  @Test
  void aDirectedAppDrawsTheDirectedBucketAndAGeneralAppNeverTouchesIt() {
    Bucket general = bed.buy(user, "p-1", "addon-500m");
    Bucket directed = bed.buy(user, "p-2", "video-3g");

    OnlineCharging.Outcome.Answered video = create(ask(VIDEO, 10 * MB));
    assertThat(granted(video, VIDEO)).isEqualTo(10 * MB);
    assertThat(reserved(directed)).isEqualTo(10 * MB);
    assertThat(reserved(general)).isZero();

    OnlineCharging.Outcome.Answered web = create(ask(WEB, 10 * MB));
    assertThat(granted(web, WEB)).isEqualTo(10 * MB);
    assertThat(reserved(general)).isEqualTo(10 * MB);
    assertThat(reserved(directed)).as("a general app never touches it").isEqualTo(10 * MB);
    bed.conserved(user);
  }

  @Test
  void usedUnitsArePostedAndTheRestOfTheGrantReturns() {
    Bucket general = bed.buy(user, "p-1", "addon-500m");
    OnlineCharging.Outcome.Answered first = create(ask(WEB, 10 * MB));

    OnlineCharging.Outcome.Answered second = update(first, 1, report(WEB, 4 * MB, 10 * MB));

    assertThat(granted(second, WEB)).isEqualTo(10 * MB);
    Account account = bed.account(general.account());
    assertThat(account.debitsPosted()).isEqualTo(4 * MB);
    assertThat(account.debitsPending()).isEqualTo(10 * MB);
    assertThat(account.availableCredit()).isEqualTo(500 * MB - 14 * MB);
    assertThat(sessions.usage(java.util.Set.of(WEB), day(), day()).getFirst().bytes())
        .isEqualTo(4 * MB);
    bed.conserved(user);
  }

  @Test
  void aPriorityChangeTakesEffectOnTheNextGrant() {
    Bucket addOn = bed.buy(user, "p-1", "addon-500m");
    Bucket card = bed.bindCard(user, bed.buyCard(user, "c-1", "card-2g"));
    OnlineCharging.Outcome.Answered first = create(ask(WEB, 10 * MB));
    assertThat(reserved(card)).as("the bound card comes first").isEqualTo(10 * MB);

    assertThat(bed.buckets().reorder(user.msisdn(), List.of(addOn.id(), card.id()))).isTrue();
    update(first, 1, report(WEB, 10 * MB, 10 * MB));

    assertThat(reserved(addOn)).isEqualTo(10 * MB);
    assertThat(reserved(card)).isZero();
    assertThat(bed.account(card.account()).debitsPosted()).isEqualTo(10 * MB);
    bed.conserved(user);
  }

  @Test
  void exhaustedBucketsFallThroughToMoneyThenToQuotaLimitReached() {
    Subscriber small = bed.subscriber("8613800000009", "standard", 600);
    Bucket addOn = bed.buy(small, "p-9", "addon-500m");
    assertThat(bed.money(small)).isEqualTo(100);
    OnlineCharging.Outcome.Answered answer = create(small, ask(WEB, 100 * MB));
    int sequence = 0;
    while (bed.account(addOn.account()).availableCredit() > 0) {
      answer = update(answer, ++sequence, report(WEB, granted(answer, WEB), 100 * MB));
    }
    // The bucket's last 100 MB are held; the next grant is money: 100 fen at 20 fen per MB.
    answer = update(answer, ++sequence, report(WEB, 100 * MB, 100 * MB));
    assertThat(granted(answer, WEB)).isEqualTo(5 * MB);
    assertThat(unit(answer, WEB).finalUnits()).as("the last of the funds").isTrue();
    assertThat(bed.account(addOn.account()).availableCredit()).isZero();

    answer = update(answer, ++sequence, report(WEB, 5 * MB, 100 * MB));

    assertThat(unit(answer, WEB).result()).isEqualTo(UnitResult.QUOTA_LIMIT_REACHED);
    assertThat(unit(answer, WEB).finalUnits()).isTrue();
    assertThat(bed.money(small)).isZero();
    assertThat(bed.account(addOn.account()).debitsPosted()).isEqualTo(500 * MB);
    bed.conserved(small, user);
  }

  @Test
  void aRetransmissionGetsTheSameAnswerAndChargesNothingTwice() {
    Bucket general = bed.buy(user, "p-1", "addon-500m");
    OnlineCharging.Outcome.Answered first = create(ask(WEB, 10 * MB));
    ChargingRequest update =
        new ChargingRequest(1, false, bed.clock().instant(), List.of(report(WEB, 3 * MB, 10 * MB)));
    OnlineCharging.Outcome.Answered applied =
        (OnlineCharging.Outcome.Answered) charging.update(first.session().ref(), update);
    Account before = bed.account(general.account());

    bed.clock().advance(Duration.ofSeconds(2));
    OnlineCharging.Outcome again =
        charging.update(
            first.session().ref(),
            new ChargingRequest(1, true, bed.clock().instant(), update.units()));

    assertThat(((OnlineCharging.Outcome.Answered) again).replayed()).isTrue();
    assertThat(((OnlineCharging.Outcome.Answered) again).answers()).isEqualTo(applied.answers());
    assertThat(bed.account(general.account())).isEqualTo(before);
    assertThat(
            charging.update(
                first.session().ref(),
                new ChargingRequest(0, false, bed.clock().instant(), List.of())))
        .isInstanceOf(OnlineCharging.Outcome.OutOfSequence.class);
    bed.conserved(user);
  }

  @Test
  void aReleaseSettlesTheUsageAndReturnsEveryReservation() {
    Bucket general = bed.buy(user, "p-1", "addon-500m");
    Bucket directed = bed.buy(user, "p-2", "video-3g");
    OnlineCharging.Outcome.Answered first = create(ask(WEB, 10 * MB), ask(VIDEO, 20 * MB));

    OnlineCharging.Outcome released =
        charging.release(
            first.session().ref(),
            new ChargingRequest(1, false, bed.clock().instant(), List.of(report(WEB, 2 * MB, 0))));

    assertThat(((OnlineCharging.Outcome.Answered) released).session().isOpen()).isFalse();
    assertThat(bed.account(general.account()).debitsPending()).isZero();
    assertThat(bed.account(general.account()).debitsPosted()).isEqualTo(2 * MB);
    assertThat(bed.account(directed.account()).debitsPending()).isZero();
    assertThat(bed.account(directed.account()).debitsPosted()).isZero();
    assertThat(
            charging.update(
                first.session().ref(),
                new ChargingRequest(2, false, bed.clock().instant(), List.of())))
        .isInstanceOf(OnlineCharging.Outcome.SessionEnded.class);
    bed.conserved(user);
  }

  @Test
  void aSuspendedNumberGetsNoSessionAndAnOpenSessionNoMoreQuota() {
    bed.buy(user, "p-1", "addon-500m");
    OnlineCharging.Outcome.Answered open = create(ask(WEB, 10 * MB));
    bed.suspend(user);

    OnlineCharging.Outcome refused =
        charging.create(
            user.msisdn(),
            null,
            new ChargingRequest(0, false, bed.clock().instant(), List.of(ask(WEB, MB))));
    OnlineCharging.Outcome.Answered denied = update(open, 1, report(WEB, 3 * MB, 10 * MB));

    assertThat(refused).isInstanceOf(OnlineCharging.Outcome.Denied.class);
    assertThat(unit(denied, WEB).result()).isEqualTo(UnitResult.END_USER_SERVICE_DENIED);
    assertThat(granted(denied, WEB)).isZero();
    bed.conserved(user);
  }

  @Test
  void concurrentSessionsOfOneSubscriberAreNeverGrantedMoreThanItHolds() throws Exception {
    Subscriber shared = bed.subscriber("8613800000007", "standard", 700);
    Bucket addOn = bed.buy(shared, "p-7", "addon-500m");
    // The bucket's 500 MB, then 200 fen of money at 20 fen per MB: 10 MB.
    long capacity = 510 * MB;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Long>> grants = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        grants.add(pool.submit(() -> holdAsMuchAsPossible(shared)));
      }
      long total = 0;
      for (Future<Long> g : grants) {
        total += g.get();
      }
      assertThat(total).isLessThanOrEqualTo(capacity);
      assertThat(total).as("everything was granted in the end").isEqualTo(capacity);
    } finally {
      pool.shutdown();
    }
    assertThat(bed.account(addOn.account()).availableCredit()).isZero();
    assertThat(bed.moneyAvailable(shared)).isGreaterThanOrEqualTo(0);
    bed.conserved(shared, user);
  }

  private long holdAsMuchAsPossible(Subscriber subscriber) {
    long held = 0;
    for (int i = 0; i < 40; i++) {
      OnlineCharging.Outcome outcome =
          charging.create(
              subscriber.msisdn(),
              null,
              new ChargingRequest(0, false, Instant.EPOCH, List.of(ask(WEB, 7 * MB))));
      long granted = granted((OnlineCharging.Outcome.Answered) outcome, WEB);
      if (granted == 0) {
        break;
      }
      held += granted;
    }
    return held;
  }

  private OnlineCharging.Outcome.Answered create(UnitRequest... units) {
    return create(user, units);
  }

  private OnlineCharging.Outcome.Answered create(Subscriber subscriber, UnitRequest... units) {
    OnlineCharging.Outcome outcome =
        charging.create(
            subscriber.msisdn(),
            "http://smf.invalid/notify",
            new ChargingRequest(0, false, bed.clock().instant(), List.of(units)));
    return (OnlineCharging.Outcome.Answered) outcome;
  }

  private OnlineCharging.Outcome.Answered update(
      OnlineCharging.Outcome.Answered previous, int sequence, UnitRequest... units) {
    ChargingRef ref = previous.session().ref();
    return (OnlineCharging.Outcome.Answered)
        charging.update(
            ref, new ChargingRequest(sequence, false, bed.clock().instant(), List.of(units)));
  }

  private static UnitRequest ask(RatingGroup group, long bytes) {
    return new UnitRequest(group, true, bytes, false, 0);
  }

  private static UnitRequest report(RatingGroup group, long used, long next) {
    return new UnitRequest(group, next > 0, next, true, used);
  }

  private static UnitAnswer unit(OnlineCharging.Outcome.Answered answer, RatingGroup group) {
    return answer.answers().stream().filter(a -> a.group().equals(group)).findFirst().orElseThrow();
  }

  private static long granted(OnlineCharging.Outcome.Answered answer, RatingGroup group) {
    return unit(answer, group).grantedBytes();
  }

  private long reserved(Bucket bucket) {
    return bed.account(bucket.account()).debitsPending();
  }

  private java.time.LocalDate day() {
    return java.time.LocalDate.ofInstant(bed.clock().instant(), bed.zone());
  }
}
