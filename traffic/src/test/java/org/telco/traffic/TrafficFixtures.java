package org.telco.traffic;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.SubscriberAccounts;

/**
 * Products, subscribers and times shared by the traffic store contracts. Times have whole seconds,
 * which every store keeps exactly.
 */
public final class TrafficFixtures {
  /** 1 May 2026, 10:00 in Beijing. */
  public static final Instant T0 = Instant.parse("2026-05-01T02:00:00Z");

  /** A subscriber. */
  public static final Msisdn ALICE = new Msisdn("8613800000001");

  /** Another subscriber. */
  public static final Msisdn BOB = new Msisdn("8613800000002");

  /** Alice's account family. */
  public static final long ALICE_FAMILY = SubscriberAccounts.SUBSCRIBER_FAMILY_BASE + 1;

  /** Bob's account family. */
  public static final long BOB_FAMILY = SubscriberAccounts.SUBSCRIBER_FAMILY_BASE + 2;

  /** A video app. */
  public static final RatingGroup VIDEO = new RatingGroup(1001);

  /** A music app. */
  public static final RatingGroup MUSIC = new RatingGroup(4_000_000_000L);

  /** An add-on pack: general data, used after what the subscriber holds. */
  public static final TrafficProduct ADD_ON =
      new TrafficProduct(
          new ProductId("add-on-1g"),
          ProductKind.ADD_ON,
          "1 GB add-on",
          1_000,
          1_000_000_000L,
          groups(),
          null,
          Validity.END_OF_MONTH,
          false);

  /** A directed pack for two apps. */
  public static final TrafficProduct DIRECTED =
      new TrafficProduct(
          new ProductId("apps-5g"),
          ProductKind.DIRECTED,
          "5 GB for video and music",
          900,
          5_000_000_000L,
          groups(VIDEO, MUSIC),
          null,
          Validity.END_OF_MONTH,
          false);

  /** An idle-time pack, 23:00 to 07:00. */
  public static final TrafficProduct IDLE =
      new TrafficProduct(
          new ProductId("night-2g"),
          ProductKind.IDLE_TIME,
          "2 GB at night",
          500,
          2_000_000_000L,
          groups(),
          new IdleHours(LocalTime.of(23, 0), LocalTime.of(7, 0)),
          Validity.END_OF_MONTH,
          false);

  /** A traffic card, used first once bound. */
  public static final TrafficProduct CARD =
      new TrafficProduct(
          new ProductId("card-3g"),
          ProductKind.TRAFFIC_CARD,
          "3 GB card",
          1_500,
          3_000_000_000L,
          groups(VIDEO),
          null,
          new Validity(30),
          true);

  private TrafficFixtures() {}

  /** A sorted set of rating groups. */
  public static SortedSet<RatingGroup> groups(RatingGroup... groups) {
    return new TreeSet<>(List.of(groups));
  }

  /** A bucket of {@code product} to create for {@code owner}, valid from T0 for {@code days}. */
  public static NewBucket newBucket(
      String id, Msisdn owner, long family, TrafficProduct product, int days, BucketState state) {
    return new NewBucket(
        new BucketId(id),
        owner,
        family,
        product,
        product.ratingGroups(),
        product.volumeBytes(),
        T0,
        T0.plusSeconds(days * 86_400L),
        state);
  }

  /** A pending bucket of the add-on pack for Alice, valid for 30 days. */
  public static NewBucket alicesPack(String id) {
    return newBucket(id, ALICE, ALICE_FAMILY, ADD_ON, 30, BucketState.PENDING);
  }

  /** A card number made of {@code n} (0 to 30) repeated. */
  public static CardId cardNumber(int n) {
    return new CardId("TC" + String.valueOf(CardId.ALPHABET.charAt(n)).repeat(CardId.LENGTH));
  }

  /** Runs {@code call} on {@code racers} threads released together; their answers in order. */
  public static <T> List<T> race(int racers, Callable<T> call) throws Exception {
    return race(racers, i -> call.call());
  }

  /** Runs racer {@code i}'s call on a thread of its own, all released together. */
  public static <T> List<T> race(int racers, Racer<T> racer) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<T> results = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(racers)) {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        int index = i;
        futures.add(
            threads.submit(
                () -> {
                  start.await();
                  return racer.call(index);
                }));
      }
      start.countDown();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
    }
    return results;
  }

  /** One racer's call. */
  @FunctionalInterface
  public interface Racer<T> {
    /** Racer {@code index}'s call. */
    T call(int index) throws Exception;
  }
}
