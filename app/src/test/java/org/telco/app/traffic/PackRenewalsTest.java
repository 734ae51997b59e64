package org.telco.app.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.messaging.SmsMessage;
import org.telco.messaging.SmsMessages;
import org.telco.payment.Yuan;
import org.telco.subscriber.Subscriber;
import org.telco.time.Timer;
import org.telco.time.TimerPoller;
import org.telco.traffic.Bucket;
import org.telco.traffic.BucketState;
import org.telco.traffic.ProductId;
import org.telco.traffic.PurchaseId;
import org.telco.traffic.PurchaseStep;
import org.telco.traffic.TrafficPurchase;
import org.telco.traffic.VoidReason;

/**
 * Monthly packs renew at the start of the next month through the same two-phase purchase, once,
 * until the balance runs short or the subscriber cancels; add-on packs never renew. Money and data
 * are checked after every step.
 */
class PackRenewalsTest {
  private static final ProductId BASIC = new ProductId("basic-1g");
  private static final ProductId ADD_ON = new ProductId("addon-500m");
  private static final long BASIC_FEN = 1_000;
  private static final Instant MARCH_END = Instant.parse("2026-03-31T16:00:00Z");
  private static final Instant APRIL_END = Instant.parse("2026-04-30T16:00:00Z");

  private final TrafficFixture f = new TrafficFixture();
  private final TimerPoller poller =
      new TimerPoller(
          f.timers,
          f.clock,
          Map.of(PackRenewals.KIND, timer -> f.renewals.renew(timer, f.purchases)),
          Duration.ofSeconds(30));

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void aBasicPackIsBoughtAgainWhenItsMonthEndsAndItsNextRenewalIsScheduled() {
    Subscriber buyer = f.subscriber("8613800000001", "standard", 2_500);
    buy(buyer, "p-1", BASIC);
    assertThat(renewalsDue(MARCH_END)).hasSize(1);

    f.clock.advance(Duration.between(f.clock.instant(), MARCH_END));
    assertThat(poller.pollDue()).isEqualTo(1);

    TrafficPurchase renewal = renewal(buyer, MARCH_END);
    assertThat(renewal.step()).isEqualTo(PurchaseStep.DEDUCTION_CONFIRMED);
    List<Bucket> live = liveNewestLast(buyer);
    assertThat(live).hasSize(2);
    assertThat(live.getLast().state()).isEqualTo(BucketState.ACTIVE);
    assertThat(live.getLast().validUntil()).isEqualTo(APRIL_END);
    assertThat(f.money(buyer)).isEqualTo(2_500 - 2 * BASIC_FEN);
    assertThat(renewalsDue(APRIL_END)).hasSize(1);
    f.conserved(buyer);
    SmsMessage told = onlySmsTo(buyer);
    assertThat(told.id()).isEqualTo("traffic-renewed:" + renewal.id().value());
    assertThat(told.from()).isEqualTo(TrafficFixture.SHORT_CODE);
    assertThat(told.text()).contains("was renewed for 2026-04", Yuan.of(BASIC_FEN) + " yuan");
  }

  @Test
  void aRenewalTimerFiredTwiceRenewsOnce() {
    Subscriber buyer = f.subscriber("8613800000002", "standard", 5_000);
    buy(buyer, "p-1", BASIC);
    Timer timer = renewalsDue(MARCH_END).getFirst();
    f.clock.advance(Duration.between(f.clock.instant(), MARCH_END));

    f.renewals.renew(timer, f.purchases);
    f.renewals.renew(timer, f.purchases);

    assertThat(f.money(buyer)).isEqualTo(5_000 - 2 * BASIC_FEN);
    assertThat(liveNewestLast(buyer)).hasSize(2);
    f.conserved(buyer);
    assertThat(onlySmsTo(buyer).text()).contains("was renewed");
  }

  @Test
  void aRenewalTheBalanceCannotPayIsVoidedAndTheChainEnds() {
    Subscriber buyer = f.subscriber("8613800000003", "standard", 1_200);
    buy(buyer, "p-1", BASIC);
    f.clock.advance(Duration.between(f.clock.instant(), MARCH_END));

    poller.pollDue();

    TrafficPurchase renewal = renewal(buyer, MARCH_END);
    assertThat(renewal.step()).isEqualTo(PurchaseStep.VOIDED);
    assertThat(renewal.voidReason()).isEqualTo(VoidReason.BALANCE_TOO_LOW);
    assertThat(f.money(buyer)).isEqualTo(200);
    assertThat(f.moneyAvailable(buyer)).isEqualTo(200);
    assertThat(liveNewestLast(buyer)).hasSize(1);
    assertThat(renewalsDue(APRIL_END)).isEmpty();
    f.conserved(buyer);
    SmsMessage told = onlySmsTo(buyer);
    assertThat(told.id()).isEqualTo("traffic-renewal-failed:" + renewal.id().value());
    assertThat(told.text())
        .contains("could not be renewed for 2026-04", "balance is below its price");
  }

  @Test
  void aCancelledRenewalNeverFiresAndTheMonthsPackStaysUsable() {
    Subscriber buyer = f.subscriber("8613800000004", "standard", 5_000);
    buy(buyer, "p-1", BASIC);

    assertThat(f.renewals.cancel(buyer.msisdn(), BASIC)).isEqualTo(1);
    f.clock.advance(Duration.between(f.clock.instant(), MARCH_END));

    assertThat(poller.pollDue()).isZero();
    assertThat(f.purchases.purchase(new PurchaseId("p-2"), buyer.msisdn(), ADD_ON))
        .isInstanceOf(TrafficPurchases.Outcome.Completed.class);
    assertThat(f.money(buyer)).isEqualTo(5_000 - BASIC_FEN - 500);
    assertThat(f.renewals.cancel(buyer.msisdn(), BASIC)).isZero();
    f.conserved(buyer);
  }

  @Test
  void anAddOnPackNeverRenews() {
    Subscriber buyer = f.subscriber("8613800000005", "standard", 5_000);
    buy(buyer, "p-1", ADD_ON);
    assertThat(renewalsDue(MARCH_END.plusSeconds(86_400 * 60))).isEmpty();
    assertThat(f.renewals.cancel(buyer.msisdn(), ADD_ON)).isZero();
  }

  private void buy(Subscriber buyer, String id, ProductId product) {
    assertThat(f.purchases.purchase(new PurchaseId(id), buyer.msisdn(), product))
        .isInstanceOf(TrafficPurchases.Outcome.Completed.class);
  }

  /** The one SMS waiting in the outbox for {@code buyer}; fails if there are none or several. */
  private SmsMessage onlySmsTo(Subscriber buyer) {
    List<SmsMessage> told =
        f.outbox.due(APRIL_END.plusSeconds(86_400 * 60), 100).stream()
            .flatMap(message -> SmsMessages.smsAll(message).stream())
            .filter(sms -> sms.to().equals(buyer.msisdn().digits()))
            .toList();
    assertThat(told).hasSize(1);
    return told.getFirst();
  }

  private List<Timer> renewalsDue(Instant at) {
    return f.timers.due(at, 100).stream()
        .filter(t -> t.kind().equals(PackRenewals.KIND) && t.dueAt().equals(at))
        .toList();
  }

  private TrafficPurchase renewal(Subscriber buyer, Instant at) {
    PurchaseId id = f.renewals.purchaseId(buyer.msisdn(), BASIC, at);
    assertThat(id.value()).isEqualTo("renew-202604-" + buyer.msisdn().digits() + "-basic-1g");
    return f.stores.purchases().find(id).orElseThrow();
  }

  private List<Bucket> liveNewestLast(Subscriber buyer) {
    return f.stores.buckets().liveOf(buyer.msisdn()).stream()
        .sorted(Comparator.comparing(Bucket::validFrom))
        .toList();
  }
}
