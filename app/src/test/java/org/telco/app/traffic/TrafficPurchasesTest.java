package org.telco.app.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.subscriber.Subscriber;
import org.telco.traffic.Bucket;
import org.telco.traffic.BucketState;
import org.telco.traffic.CardState;
import org.telco.traffic.NewBucket;
import org.telco.traffic.ProductId;
import org.telco.traffic.PurchaseId;
import org.telco.traffic.PurchaseRefusal;
import org.telco.traffic.PurchaseStep;
import org.telco.traffic.PurchaseStore;
import org.telco.traffic.TrafficAccounts;
import org.telco.traffic.TrafficPurchase;
import org.telco.traffic.VoidReason;

/**
 * The two-phase purchase of flow F5, step by step: a purchase that completes, and a failure at each
 * of the four steps, each leaving no money moved and no usable bucket, and an abandoned purchase
 * that voids itself at its timeout. Money and data are checked after every step.
 */
class TrafficPurchasesTest {
  private static final ProductId ADD_ON = new ProductId("addon-500m");
  private static final ProductId BASIC = new ProductId("basic-1g");
  private static final long ADD_ON_FEN = 500;
  private static final long ADD_ON_BYTES = 500_000_000L;

  private final TrafficFixture f = new TrafficFixture();
  private final Subscriber buyer = f.subscriber("8613800000001", "standard", 2_000);

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void aPackPurchaseRunsTheFourStepsAndOpensItsBucket() {
    TrafficPurchases.Outcome outcome = buy("p-1", ADD_ON);

    assertThat(outcome).isInstanceOf(TrafficPurchases.Outcome.Completed.class);
    TrafficPurchase done = ((TrafficPurchases.Outcome.Completed) outcome).purchase();
    assertThat(steps(done))
        .containsExactly(
            PurchaseStep.PRE_AUTHENTICATED,
            PurchaseStep.PRE_DEDUCTED,
            PurchaseStep.AUTHENTICATION_CONFIRMED,
            PurchaseStep.DEDUCTION_CONFIRMED);
    assertThat(f.money(buyer)).isEqualTo(2_000 - ADD_ON_FEN);
    assertThat(f.moneyAvailable(buyer)).isEqualTo(2_000 - ADD_ON_FEN);
    Bucket bucket = f.stores.buckets().find(done.bucketId()).orElseThrow();
    assertThat(bucket.state()).isEqualTo(BucketState.ACTIVE);
    assertThat(f.account(bucket.account()).availableCredit()).isEqualTo(ADD_ON_BYTES);
    assertThat(bucket.validUntil()).isEqualTo(java.time.Instant.parse("2026-03-31T16:00:00Z"));
    f.conserved(buyer);
  }

  @Test
  void aRetryCompletesNothingTwiceAndAnotherProductUnderTheSameIdIsRefused() {
    buy("p-1", ADD_ON);
    f.clock.advance(Duration.ofSeconds(5));

    TrafficPurchases.Outcome again = buy("p-1", ADD_ON);
    TrafficPurchases.Outcome other = buy("p-1", BASIC);

    assertThat(again).isInstanceOf(TrafficPurchases.Outcome.Completed.class);
    assertThat(((TrafficPurchases.Outcome.Completed) again).replayed()).isTrue();
    assertThat(other).isInstanceOf(TrafficPurchases.Outcome.IdReused.class);
    assertThat(f.money(buyer)).isEqualTo(2_000 - ADD_ON_FEN);
    assertThat(f.stores.buckets().liveOf(buyer.msisdn())).hasSize(1);
    f.conserved(buyer);
  }

  @Test
  void step1PreAuthenticationRefusesABarredNumberAndRecordsNothing() {
    Subscriber barred = f.subscriber("8613800000002", "standard", 2_000);
    f.suspend(barred);

    TrafficPurchases.Outcome outcome =
        f.purchases.purchase(new PurchaseId("p-2"), barred.msisdn(), ADD_ON);

    assertThat(outcome)
        .isEqualTo(new TrafficPurchases.Outcome.Refused(PurchaseRefusal.NOT_IN_SERVICE));
    assertThat(f.stores.purchases().find(new PurchaseId("p-2"))).isEmpty();
    assertThat(f.money(barred)).isEqualTo(2_000);
    assertThat(f.stores.buckets().liveOf(barred.msisdn())).isEmpty();
    f.conserved(buyer, barred);
  }

  @Test
  void step2PreDeductionVoidsThePurchaseWhenTheBalanceIsShort() {
    Subscriber poor = f.subscriber("8613800000003", "standard", 300);

    TrafficPurchases.Outcome outcome =
        f.purchases.purchase(new PurchaseId("p-3"), poor.msisdn(), ADD_ON);

    assertVoided(outcome, VoidReason.BALANCE_TOO_LOW, PurchaseStep.PRE_AUTHENTICATED);
    assertThat(f.money(poor)).isEqualTo(300);
    assertThat(f.moneyAvailable(poor)).isEqualTo(300);
    assertThat(f.stores.buckets().liveOf(poor.msisdn())).isEmpty();
    f.conserved(buyer, poor);
  }

  @Test
  void step3AuthenticationConfirmVoidsThePurchaseWhenEveryBucketSlotIsTaken() {
    fillEveryBucketSlot();

    TrafficPurchases.Outcome outcome = buy("p-4", ADD_ON);

    assertVoided(outcome, VoidReason.NO_FREE_BUCKET_SLOT, PurchaseStep.PRE_DEDUCTED);
    assertThat(f.money(buyer)).isEqualTo(2_000);
    assertThat(f.moneyAvailable(buyer)).isEqualTo(2_000);
    assertThat(f.stores.buckets().find(bucketOf("p-4"))).isEmpty();
    f.conserved(buyer);
  }

  @Test
  void step4DeductionConfirmVoidsThePurchaseWhenItsPendingTransfersExpired() throws Exception {
    TrafficPurchase purchase =
        f.purchases.preAuthenticate(new PurchaseId("p-5"), buyer.msisdn(), ADD_ON).orElseThrow();
    purchase = f.purchases.preDeduct(purchase);
    purchase = f.purchases.confirmAuthentication(purchase);
    Bucket pending = f.stores.buckets().find(purchase.bucketId()).orElseThrow();
    assertThat(pending.state()).isEqualTo(BucketState.PENDING);
    assertThat(f.account(pending.account()).availableCredit())
        .as("pending data is not usable")
        .isZero();
    assertThat(f.moneyAvailable(buyer)).isEqualTo(2_000 - ADD_ON_FEN);

    f.clock.advance(Duration.ofSeconds(TrafficFixture.TIMEOUT_SECONDS));
    TrafficPurchase after = f.purchases.confirmDeduction(purchase);

    assertThat(after.step()).isEqualTo(PurchaseStep.VOIDED);
    assertThat(after.voidReason()).isEqualTo(VoidReason.DEDUCTION_CONFIRM_FAILED);
    assertThat(f.money(buyer)).isEqualTo(2_000);
    assertThat(f.moneyAvailable(buyer)).isEqualTo(2_000);
    assertThat(f.stores.buckets().find(purchase.bucketId()).orElseThrow().state())
        .isEqualTo(BucketState.VOIDED);
    assertThat(f.account(pending.account()).creditsPosted()).isZero();
    assertThat(f.account(pending.account()).creditsPending()).isZero();
    f.conserved(buyer);
  }

  @Test
  void anAbandonedPurchaseVoidsItselfAtItsTimeout() throws Exception {
    TrafficPurchase purchase =
        f.purchases.preAuthenticate(new PurchaseId("p-6"), buyer.msisdn(), ADD_ON).orElseThrow();
    f.purchases.preDeduct(purchase);
    assertThat(f.purchases.voidAbandoned(10)).isZero();

    f.clock.advance(Duration.ofSeconds(TrafficFixture.TIMEOUT_SECONDS - 1));
    assertThat(f.purchases.voidAbandoned(10)).as("not yet").isZero();
    f.clock.advance(Duration.ofSeconds(1));
    assertThat(f.purchases.voidAbandoned(10)).isEqualTo(1);

    TrafficPurchase voided = f.stores.purchases().find(purchase.id()).orElseThrow();
    assertThat(voided.step()).isEqualTo(PurchaseStep.VOIDED);
    assertThat(voided.voidReason()).isEqualTo(VoidReason.ABANDONED);
    assertThat(f.moneyAvailable(buyer)).isEqualTo(2_000);
    assertThat(f.stores.buckets().liveOf(buyer.msisdn())).isEmpty();
    assertThat(f.purchases.voidAbandoned(10)).isZero();
    assertThat(buy("p-6", ADD_ON)).isInstanceOf(TrafficPurchases.Outcome.Voided.class);
    f.conserved(buyer);
  }

  @Test
  void aCardPurchaseCreatesAnUnboundCardAndNoBucket() {
    TrafficPurchases.Outcome outcome = buy("c-1", new ProductId("card-video-1g"));

    TrafficPurchase done = ((TrafficPurchases.Outcome.Completed) outcome).purchase();
    assertThat(done.cardId()).isNotNull();
    assertThat(f.stores.cards().find(done.cardId()).orElseThrow().state())
        .isEqualTo(CardState.UNBOUND);
    assertThat(f.stores.buckets().liveOf(buyer.msisdn())).isEmpty();
    assertThat(f.money(buyer)).isEqualTo(2_000 - 800);
    f.conserved(buyer);
  }

  @Test
  void oneBasicPackAtATime() {
    buy("b-1", BASIC);

    assertThat(buy("b-2", BASIC))
        .isEqualTo(new TrafficPurchases.Outcome.Refused(PurchaseRefusal.BASIC_PACK_HELD));
    assertThat(f.money(buyer)).isEqualTo(1_000);
    f.conserved(buyer);
  }

  private TrafficPurchases.Outcome buy(String id, ProductId product) {
    return f.purchases.purchase(new PurchaseId(id), buyer.msisdn(), product);
  }

  private org.telco.traffic.BucketId bucketOf(String purchaseId) {
    return org.telco.traffic.BucketId.ofPurchase(new PurchaseId(purchaseId));
  }

  private void assertVoided(
      TrafficPurchases.Outcome outcome, VoidReason reason, PurchaseStep failedAfter) {
    assertThat(outcome).isInstanceOf(TrafficPurchases.Outcome.Voided.class);
    TrafficPurchase voided = ((TrafficPurchases.Outcome.Voided) outcome).purchase();
    assertThat(voided.voidReason()).isEqualTo(reason);
    List<PurchaseStep> steps = steps(voided);
    assertThat(steps.get(steps.size() - 2)).isEqualTo(failedAfter);
    assertThat(steps.getLast()).isEqualTo(PurchaseStep.VOIDED);
  }

  private List<PurchaseStep> steps(TrafficPurchase p) {
    return f.stores.purchases().steps(p.id()).stream().map(PurchaseStore.StepRecord::step).toList();
  }

  private void fillEveryBucketSlot() {
    var product = f.catalog.find(ADD_ON).orElseThrow();
    long family = org.telco.subscriber.SubscriberAccounts.family(buyer.moneyAccount());
    for (int i = TrafficAccounts.FIRST_BUCKET_SLOT; i <= TrafficAccounts.LAST_BUCKET_SLOT; i++) {
      NewBucket filler =
          NewBucket.ofPack(
              new org.telco.traffic.BucketId("filler-" + i),
              buyer.msisdn(),
              family,
              product,
              f.clock.instant(),
              TrafficFixture.ZONE);
      assertThat(f.stores.buckets().create(filler)).isPresent();
    }
  }
}
