package org.telco.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telco.traffic.TrafficFixtures.ADD_ON;
import static org.telco.traffic.TrafficFixtures.ALICE;
import static org.telco.traffic.TrafficFixtures.BOB;
import static org.telco.traffic.TrafficFixtures.CARD;
import static org.telco.traffic.TrafficFixtures.DIRECTED;
import static org.telco.traffic.TrafficFixtures.T0;
import static org.telco.traffic.TrafficFixtures.cardNumber;
import static org.telco.traffic.TrafficFixtures.race;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telco.traffic.PurchaseStore.Opening;
import org.telco.traffic.PurchaseStore.StepRecord;

/**
 * What every {@link PurchaseStore} does; each implementation's test extends it. Each step is a
 * compare-and-set on the stored step, so a purchase ends one way only.
 */
public abstract class PurchaseStoreContract {
  private static final long TIMEOUT_SECONDS = 300;

  private PurchaseStore store;

  /** A new, empty store. */
  protected abstract PurchaseStore newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  private static TrafficPurchase purchase(String id, TrafficProduct product, Instant at) {
    return TrafficPurchase.preAuthenticated(
        new PurchaseId(id), ALICE, product, at, TIMEOUT_SECONDS);
  }

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void aPurchaseOpensOnceAndTheSameRequestAgainIsAReplay() {
    TrafficPurchase purchase = purchase("p-1", ADD_ON, T0);

    assertThat(store.open(purchase)).isEqualTo(Opening.OPENED);
    assertThat(store.open(purchase("p-1", ADD_ON, at(5)))).isEqualTo(Opening.REPLAYED);
    assertThat(store.open(purchase("p-1", DIRECTED, T0))).isEqualTo(Opening.CONFLICT);
    assertThat(
            store.open(
                TrafficPurchase.preAuthenticated(purchase.id(), BOB, ADD_ON, T0, TIMEOUT_SECONDS)))
        .isEqualTo(Opening.CONFLICT);
    assertThat(store.find(purchase.id())).contains(purchase);
    assertThat(store.find(new PurchaseId("p-2"))).isEmpty();
    assertThat(store.steps(purchase.id()))
        .containsExactly(new StepRecord(PurchaseStep.PRE_AUTHENTICATED, T0, ""));
    assertThat(store.steps(new PurchaseId("p-2"))).isEmpty();
  }

  @Test
  void onlyAPreAuthenticatedPurchaseOpens() {
    TrafficPurchase fresh = purchase("p-1", ADD_ON, T0);
    TrafficPurchase later =
        new TrafficPurchase(
            fresh.id(),
            fresh.msisdn(),
            fresh.productId(),
            fresh.priceFen(),
            PurchaseStep.PRE_DEDUCTED,
            null,
            null,
            T0,
            fresh.expiresAt(),
            T0);

    assertThatThrownBy(() -> store.open(later)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(fresh.id())).isEmpty();
  }

  @Test
  void aPurchaseAdvancesOneStepAtATimeAndEachStepIsRecorded() {
    TrafficPurchase purchase = purchase("p-1", ADD_ON, T0);
    store.open(purchase);

    assertThat(store.advance(purchase.id(), PurchaseStep.PRE_DEDUCTED, at(1), null)).isFalse();
    assertThat(store.advance(purchase.id(), PurchaseStep.PRE_AUTHENTICATED, at(1), null)).isTrue();
    assertThat(store.advance(purchase.id(), PurchaseStep.PRE_AUTHENTICATED, at(2), null)).isFalse();
    assertThat(store.advance(purchase.id(), PurchaseStep.PRE_DEDUCTED, at(2), null)).isTrue();
    assertThat(store.advance(purchase.id(), PurchaseStep.AUTHENTICATION_CONFIRMED, at(3), null))
        .isTrue();
    assertThat(store.advance(purchase.id(), PurchaseStep.DEDUCTION_CONFIRMED, at(4), null))
        .isFalse();
    assertThat(store.advance(new PurchaseId("p-2"), PurchaseStep.PRE_AUTHENTICATED, at(4), null))
        .isFalse();

    TrafficPurchase done = store.find(purchase.id()).orElseThrow();
    assertThat(done.step()).isEqualTo(PurchaseStep.DEDUCTION_CONFIRMED);
    assertThat(done.updatedAt()).isEqualTo(at(3));
    assertThat(done.createdAt()).isEqualTo(T0);
    assertThat(done.expiresAt()).isEqualTo(purchase.expiresAt());
    assertThat(done.priceFen()).isEqualTo(ADD_ON.priceFen());
    assertThat(done.cardId()).isNull();
    assertThat(store.steps(purchase.id()))
        .containsExactly(
            new StepRecord(PurchaseStep.PRE_AUTHENTICATED, T0, ""),
            new StepRecord(PurchaseStep.PRE_DEDUCTED, at(1), ""),
            new StepRecord(PurchaseStep.AUTHENTICATION_CONFIRMED, at(2), ""),
            new StepRecord(PurchaseStep.DEDUCTION_CONFIRMED, at(3), ""));
    assertThat(
            store.voidAt(
                purchase.id(), PurchaseStep.DEDUCTION_CONFIRMED, VoidReason.ABANDONED, at(9)))
        .isFalse();
  }

  @Test
  void theCardAStepCreatedStaysWithThePurchase() {
    TrafficPurchase purchase = purchase("p-1", CARD, T0);
    CardId card = cardNumber(3);
    store.open(purchase);
    store.advance(purchase.id(), PurchaseStep.PRE_AUTHENTICATED, at(1), null);

    assertThat(store.advance(purchase.id(), PurchaseStep.PRE_DEDUCTED, at(2), card)).isTrue();
    assertThat(store.find(purchase.id()).orElseThrow().cardId()).isEqualTo(card);
    assertThat(store.advance(purchase.id(), PurchaseStep.AUTHENTICATION_CONFIRMED, at(3), null))
        .isTrue();

    assertThat(store.find(purchase.id()).orElseThrow().cardId()).isEqualTo(card);
    assertThat(store.steps(purchase.id()).get(2))
        .isEqualTo(
            new StepRecord(PurchaseStep.AUTHENTICATION_CONFIRMED, at(2), "card " + card.value()));
  }

  @Test
  void aVoidIsACompareAndSetFromAnUnfinishedStep() {
    TrafficPurchase purchase = purchase("p-1", ADD_ON, T0);
    store.open(purchase);
    store.advance(purchase.id(), PurchaseStep.PRE_AUTHENTICATED, at(1), null);

    assertThat(
            store.voidAt(
                purchase.id(), PurchaseStep.PRE_AUTHENTICATED, VoidReason.ABANDONED, at(2)))
        .isFalse();
    assertThat(
            store.voidAt(
                purchase.id(), PurchaseStep.PRE_DEDUCTED, VoidReason.BALANCE_TOO_LOW, at(2)))
        .isTrue();
    assertThat(store.voidAt(purchase.id(), PurchaseStep.VOIDED, VoidReason.ABANDONED, at(3)))
        .isFalse();
    assertThat(store.advance(purchase.id(), PurchaseStep.VOIDED, at(3), null)).isFalse();
    assertThat(store.advance(purchase.id(), PurchaseStep.PRE_DEDUCTED, at(3), null)).isFalse();
    assertThat(
            store.voidAt(
                new PurchaseId("p-2"), PurchaseStep.PRE_AUTHENTICATED, VoidReason.ABANDONED, at(3)))
        .isFalse();

    TrafficPurchase voided = store.find(purchase.id()).orElseThrow();
    assertThat(voided.step()).isEqualTo(PurchaseStep.VOIDED);
    assertThat(voided.voidReason()).isEqualTo(VoidReason.BALANCE_TOO_LOW);
    assertThat(voided.updatedAt()).isEqualTo(at(2));
    assertThat(store.steps(purchase.id()))
        .containsExactly(
            new StepRecord(PurchaseStep.PRE_AUTHENTICATED, T0, ""),
            new StepRecord(PurchaseStep.PRE_DEDUCTED, at(1), ""),
            new StepRecord(PurchaseStep.VOIDED, at(2), "balance-too-low"));
  }

  @Test
  void aLastStepRacingTheTimeoutEndsThePurchaseOneWayOnly() throws Exception {
    for (int round = 0; round < 10; round++) {
      TrafficPurchase purchase = purchase("p-" + round, ADD_ON, T0);
      store.open(purchase);
      store.advance(purchase.id(), PurchaseStep.PRE_AUTHENTICATED, at(1), null);
      store.advance(purchase.id(), PurchaseStep.PRE_DEDUCTED, at(2), null);
      PurchaseStep from = PurchaseStep.AUTHENTICATION_CONFIRMED;

      List<Boolean> done =
          race(
              4,
              i ->
                  i % 2 == 0
                      ? store.advance(purchase.id(), from, at(3), null)
                      : store.voidAt(purchase.id(), from, VoidReason.ABANDONED, at(3)));

      assertThat(done).filteredOn(moved -> moved).hasSize(1);
      PurchaseStep end =
          done.indexOf(true) % 2 == 0 ? PurchaseStep.DEDUCTION_CONFIRMED : PurchaseStep.VOIDED;
      assertThat(store.find(purchase.id()).orElseThrow().step()).isEqualTo(end);
      assertThat(store.steps(purchase.id()))
          .hasSize(4)
          .last()
          .extracting(StepRecord::step)
          .isEqualTo(end);
    }
  }

  @Test
  void racingOpensOfOneIdOpenItOnce() throws Exception {
    List<Opening> openings = race(6, () -> store.open(purchase("p-1", ADD_ON, T0)));

    assertThat(openings).filteredOn(o -> o == Opening.OPENED).hasSize(1);
    assertThat(openings).filteredOn(o -> o == Opening.REPLAYED).hasSize(5);
    assertThat(store.steps(new PurchaseId("p-1"))).hasSize(1);
  }

  @Test
  void abandonedListsUnfinishedPurchasesPastTheirTimeoutOldestFirst() {
    store.open(purchase("p-late", ADD_ON, at(20)));
    store.open(purchase("p-b", ADD_ON, at(10)));
    store.open(purchase("p-a", ADD_ON, at(10)));
    store.open(purchase("p-done", ADD_ON, T0));
    store.open(purchase("p-void", ADD_ON, T0));
    store.open(purchase("p-new", ADD_ON, at(100)));
    PurchaseId done = new PurchaseId("p-done");
    store.advance(done, PurchaseStep.PRE_AUTHENTICATED, at(1), null);
    store.advance(done, PurchaseStep.PRE_DEDUCTED, at(2), null);
    store.advance(done, PurchaseStep.AUTHENTICATION_CONFIRMED, at(3), null);
    store.voidAt(
        new PurchaseId("p-void"),
        PurchaseStep.PRE_AUTHENTICATED,
        VoidReason.PRE_DEDUCTION_FAILED,
        at(1));
    store.advance(new PurchaseId("p-late"), PurchaseStep.PRE_AUTHENTICATED, at(21), null);
    Instant now = at(20 + TIMEOUT_SECONDS);

    assertThat(store.abandoned(now, 10))
        .extracting(p -> p.id().value())
        .containsExactly("p-a", "p-b", "p-late");
    assertThat(store.abandoned(now, 2))
        .extracting(p -> p.id().value())
        .containsExactly("p-a", "p-b");
    assertThat(store.abandoned(now.minusSeconds(1), 10))
        .extracting(p -> p.id().value())
        .containsExactly("p-a", "p-b");
    assertThat(store.abandoned(at(TIMEOUT_SECONDS - 1), 10)).isEmpty();
    assertThat(store.abandoned(now, 10).get(2).step()).isEqualTo(PurchaseStep.PRE_DEDUCTED);
  }
}
