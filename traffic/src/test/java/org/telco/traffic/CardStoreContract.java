package org.telco.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telco.traffic.TrafficFixtures.ALICE;
import static org.telco.traffic.TrafficFixtures.BOB;
import static org.telco.traffic.TrafficFixtures.CARD;
import static org.telco.traffic.TrafficFixtures.T0;
import static org.telco.traffic.TrafficFixtures.cardNumber;
import static org.telco.traffic.TrafficFixtures.race;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telco.subscriber.Msisdn;

/**
 * What every {@link CardStore} does; each implementation's test extends it. Binding is a
 * compare-and-set from UNBOUND, so of users racing for one card exactly one gets it.
 */
public abstract class CardStoreContract {
  private static final Msisdn CAROL = new Msisdn("8613800000003");

  private CardStore store;

  /** A new, empty store. */
  protected abstract CardStore newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  private static TrafficCard card(int number, String purchase, Msisdn buyer, Instant at) {
    TrafficPurchase paid =
        TrafficPurchase.preAuthenticated(new PurchaseId(purchase), buyer, CARD, at, 300);
    return TrafficCard.created(cardNumber(number), paid, CARD, at);
  }

  /** A card that is paid for and waits to be bound. */
  private TrafficCard unbound(int number, String purchase) {
    TrafficCard card = store.create(card(number, purchase, ALICE, T0));
    assertThat(store.move(card.id(), CardState.PENDING, CardState.UNBOUND)).isTrue();
    return store.find(card.id()).orElseThrow();
  }

  @Test
  void aCardIsCreatedOncePerPurchaseAndReadsBackAsStored() {
    TrafficCard card = card(1, "p-1", ALICE, T0);

    assertThat(store.create(card)).isEqualTo(card);
    assertThat(store.create(card(2, "p-1", ALICE, T0.plusSeconds(5)))).isEqualTo(card);
    assertThat(store.create(card)).isEqualTo(card);
    assertThat(store.find(card.id())).contains(card);
    assertThat(store.find(cardNumber(2))).isEmpty();
    assertThat(store.ofPurchase(new PurchaseId("p-1"))).contains(card);
    assertThat(store.ofPurchase(new PurchaseId("p-2"))).isEmpty();
    assertThat(card.ratingGroups()).isNotEmpty();
  }

  @Test
  void aCardStartsPendingAndItsNumberIsNeverDrawnTwice() {
    store.create(card(1, "p-1", ALICE, T0));
    TrafficCard unbound =
        new TrafficCard(
            cardNumber(2),
            new PurchaseId("p-2"),
            CARD.id(),
            ALICE,
            CARD.volumeBytes(),
            CARD.ratingGroups(),
            CardState.UNBOUND,
            null,
            false,
            null,
            T0);

    assertThatThrownBy(() -> store.create(unbound)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.create(card(1, "p-3", BOB, T0)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.ofPurchase(new PurchaseId("p-3"))).isEmpty();
    assertThat(store.find(cardNumber(1)).orElseThrow().purchaser()).isEqualTo(ALICE);
  }

  @Test
  void aMoveIsACompareAndSetThatNeitherBindsNorUnbinds() {
    TrafficCard card = store.create(card(1, "p-1", ALICE, T0));

    assertThat(store.move(card.id(), CardState.UNBOUND, CardState.VOIDED)).isFalse();
    assertThat(store.move(card.id(), CardState.PENDING, CardState.UNBOUND)).isTrue();
    assertThat(store.move(card.id(), CardState.PENDING, CardState.VOIDED)).isFalse();
    assertThat(store.move(cardNumber(9), CardState.PENDING, CardState.UNBOUND)).isFalse();
    assertThatThrownBy(() -> store.move(card.id(), CardState.UNBOUND, CardState.BOUND))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(card.id())).contains(withState(card, CardState.UNBOUND));

    store.bind(card.id(), BOB, false, T0.plusSeconds(60));
    assertThatThrownBy(() -> store.move(card.id(), CardState.BOUND, CardState.VOIDED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(card.id()).orElseThrow().boundTo()).isEqualTo(BOB);
  }

  @Test
  void anUnboundCardIsBoundOnceAndKeepsItsUser() {
    TrafficCard pending = store.create(card(1, "p-1", ALICE, T0));
    assertThat(store.bind(pending.id(), BOB, false, T0.plusSeconds(1))).isFalse();
    TrafficCard card = unbound(2, "p-2");
    Instant at = T0.plusSeconds(60);

    assertThat(store.bind(card.id(), ALICE, true, at)).isTrue();
    assertThat(store.bind(card.id(), BOB, false, at.plusSeconds(1))).isFalse();
    assertThat(store.bind(cardNumber(9), BOB, false, at)).isFalse();

    TrafficCard bound = store.find(card.id()).orElseThrow();
    assertThat(bound.state()).isEqualTo(CardState.BOUND);
    assertThat(bound.boundTo()).isEqualTo(ALICE);
    assertThat(bound.designated()).isTrue();
    assertThat(bound.boundAt()).isEqualTo(at);
    assertThat(bound.createdAt()).isEqualTo(T0);
    assertThat(bound.ratingGroups()).isEqualTo(card.ratingGroups());
    assertThat(store.ofPurchase(new PurchaseId("p-2"))).contains(bound);
  }

  @Test
  void aVoidedCardIsNeverBound() {
    TrafficCard card = store.create(card(1, "p-1", ALICE, T0));

    assertThat(store.move(card.id(), CardState.PENDING, CardState.VOIDED)).isTrue();
    assertThat(store.bind(card.id(), BOB, false, T0.plusSeconds(1))).isFalse();
    assertThat(store.move(card.id(), CardState.PENDING, CardState.UNBOUND)).isFalse();
    assertThat(store.find(card.id()).orElseThrow().state()).isEqualTo(CardState.VOIDED);
  }

  @Test
  void ofTwoBindsOfOneCardExactlyOneWins() throws Exception {
    List<Msisdn> users = List.of(ALICE, BOB, CAROL, new Msisdn("8613800000004"));
    for (int round = 0; round < 10; round++) {
      TrafficCard card = unbound(round, "p-" + round);

      List<Boolean> binds =
          race(users.size(), i -> store.bind(card.id(), users.get(i), i == 0, T0.plusSeconds(i)));

      assertThat(binds).filteredOn(bound -> bound).hasSize(1);
      int winner = binds.indexOf(true);
      TrafficCard bound = store.find(card.id()).orElseThrow();
      assertThat(bound.boundTo()).isEqualTo(users.get(winner));
      assertThat(bound.designated()).isEqualTo(winner == 0);
      assertThat(bound.boundAt()).isEqualTo(T0.plusSeconds(winner));
    }
  }

  @Test
  void racingCreatesForOnePurchaseKeepOneCard() throws Exception {
    List<TrafficCard> created = race(6, i -> store.create(card(i + 1, "p-1", ALICE, T0)));

    assertThat(created).containsOnly(created.getFirst());
    assertThat(store.ofPurchase(new PurchaseId("p-1"))).contains(created.getFirst());
    assertThat(store.boughtBy(ALICE)).containsExactly(created.getFirst());
  }

  @Test
  void boughtByListsTheBuyersCardsNewestFirst() {
    TrafficCard first = store.create(card(1, "p-1", ALICE, T0));
    TrafficCard third = store.create(card(3, "p-3", ALICE, T0.plusSeconds(20)));
    TrafficCard second = store.create(card(2, "p-2", ALICE, T0.plusSeconds(10)));
    TrafficCard twin = store.create(card(4, "p-4", ALICE, T0.plusSeconds(10)));
    store.create(card(5, "p-5", BOB, T0.plusSeconds(30)));
    store.move(first.id(), CardState.PENDING, CardState.UNBOUND);
    store.bind(first.id(), CAROL, false, T0.plusSeconds(40));

    assertThat(store.boughtBy(ALICE))
        .extracting(TrafficCard::id)
        .containsExactly(third.id(), second.id(), twin.id(), first.id());
    assertThat(store.boughtBy(CAROL)).isEmpty();
  }

  private static TrafficCard withState(TrafficCard c, CardState state) {
    return new TrafficCard(
        c.id(),
        c.purchaseId(),
        c.productId(),
        c.purchaser(),
        c.volumeBytes(),
        c.ratingGroups(),
        state,
        null,
        false,
        null,
        c.createdAt());
  }
}
