package org.telco.app.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.subscriber.Subscriber;
import org.telco.traffic.Bucket;
import org.telco.traffic.CardId;
import org.telco.traffic.ProductId;
import org.telco.traffic.PurchaseId;
import org.telco.traffic.RatingGroup;
import org.telco.traffic.TrafficCatalog;
import org.telco.traffic.TrafficPurchase;

/**
 * Binding traffic cards (flow F5, 绑卡): the purchaser (the designated user by default) gets a card's
 * data as general data, anyone else with its directed information; the bound card goes to the front
 * of the usage priority; a card binds once.
 */
class CardBindingTest {
  private final TrafficFixture f = new TrafficFixture();
  private final Subscriber buyer = f.subscriber("8613800000001", "standard", 5_000);
  private final Subscriber friend = f.subscriber("8613800000002", "standard", 1_000);

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void theDesignatedPurchaserGetsGeneralDataUsedFirst() {
    buyPack("p-1");
    CardId card = buyCard("c-1");

    CardBinding.Outcome outcome = f.binding.bind(card, buyer.msisdn());

    Bucket bucket = ((CardBinding.Outcome.Bound) outcome).bucket();
    assertThat(bucket.ratingGroups()).as("no directed information").isEmpty();
    assertThat(f.account(bucket.account()).availableCredit()).isEqualTo(1_000_000_000L);
    List<Bucket> live = f.stores.buckets().liveOf(buyer.msisdn());
    assertThat(live.getFirst().id()).as("the new card is used first").isEqualTo(bucket.id());
    assertThat(live).hasSize(2);
    f.conserved(buyer, friend);
  }

  @Test
  void aNonDesignatedUserGetsTheCardWithItsDirectedInformation() {
    CardId card = buyCard("c-1");

    CardBinding.Outcome outcome = f.binding.bind(card, friend.msisdn());

    Bucket bucket = ((CardBinding.Outcome.Bound) outcome).bucket();
    assertThat(bucket.ratingGroups()).containsExactly(TrafficCatalog.VIDEO_APP);
    assertThat(bucket.pays(TrafficCatalog.VIDEO_APP)).isTrue();
    assertThat(bucket.pays(new RatingGroup(10))).isFalse();
    assertThat(f.stores.cards().find(card).orElseThrow().designated()).isFalse();
    f.conserved(buyer, friend);
  }

  @Test
  void aCardBindsOnceAndARetryByItsUserChangesNothing() {
    CardId card = buyCard("c-1");
    f.binding.bind(card, friend.msisdn());

    CardBinding.Outcome again = f.binding.bind(card, friend.msisdn());
    CardBinding.Outcome other = f.binding.bind(card, buyer.msisdn());

    assertThat(((CardBinding.Outcome.Bound) again).replayed()).isTrue();
    assertThat(other).isInstanceOf(CardBinding.Outcome.BoundElsewhere.class);
    assertThat(f.stores.buckets().liveOf(buyer.msisdn())).isEmpty();
    assertThat(f.stores.buckets().liveOf(friend.msisdn())).hasSize(1);
    f.conserved(buyer, friend);
  }

  @Test
  void ofTwoUsersRacingForACardExactlyOneGetsItsData() throws Exception {
    CardId card = buyCard("c-1");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<CardBinding.Outcome> byBuyer = () -> f.binding.bind(card, buyer.msisdn());
      Callable<CardBinding.Outcome> byFriend = () -> f.binding.bind(card, friend.msisdn());
      Future<CardBinding.Outcome> a = pool.submit(byBuyer);
      Future<CardBinding.Outcome> b = pool.submit(byFriend);
      List<CardBinding.Outcome> outcomes = List.of(a.get(), b.get());
      assertThat(outcomes).filteredOn(CardBinding.Outcome.Bound.class::isInstance).hasSize(1);
    } finally {
      pool.shutdown();
    }
    long issued =
        f.stores.buckets().liveOf(buyer.msisdn()).size()
            + f.stores.buckets().liveOf(friend.msisdn()).size();
    assertThat(issued).isEqualTo(1);
    assertThat(
            f.houseOnShard(0, org.telco.traffic.TrafficAccounts.DATA_ISSUED)
                + f.houseOnShard(1, org.telco.traffic.TrafficAccounts.DATA_ISSUED))
        .isEqualTo(-1_000_000_000L);
    f.conserved(buyer, friend);
  }

  @Test
  void anUnpaidCardCannotBeBound() throws Exception {
    TrafficPurchase p =
        f.purchases
            .preAuthenticate(new PurchaseId("c-9"), buyer.msisdn(), new ProductId("card-2g"))
            .orElseThrow();
    p = f.purchases.confirmAuthentication(f.purchases.preDeduct(p));

    assertThat(f.binding.bind(p.cardId(), friend.msisdn()))
        .isInstanceOf(CardBinding.Outcome.NotPaid.class);
    assertThat(f.stores.buckets().liveOf(friend.msisdn())).isEmpty();
  }

  private void buyPack(String id) {
    f.purchases.purchase(new PurchaseId(id), buyer.msisdn(), new ProductId("addon-500m"));
  }

  private CardId buyCard(String id) {
    TrafficPurchases.Outcome outcome =
        f.purchases.purchase(new PurchaseId(id), buyer.msisdn(), new ProductId("card-video-1g"));
    return ((TrafficPurchases.Outcome.Completed) outcome).purchase().cardId();
  }
}
