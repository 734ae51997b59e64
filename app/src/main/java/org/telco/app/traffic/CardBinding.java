package org.telco.app.traffic;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.SubscriberState;
import org.telco.subscriber.SubscriberStore;
import org.telco.traffic.Bucket;
import org.telco.traffic.BucketState;
import org.telco.traffic.CardDesignation;
import org.telco.traffic.CardId;
import org.telco.traffic.CardState;
import org.telco.traffic.NewBucket;
import org.telco.traffic.TrafficAccounts;
import org.telco.traffic.TrafficCard;
import org.telco.traffic.TrafficCatalog;
import org.telco.traffic.TrafficProduct;
import org.telco.traffic.TrafficPurpose;

/**
 * Binds a paid traffic card to a user (flow F5, 绑卡): a designated user ({@link CardDesignation})
 * gets its data as general data, anyone else with the card's directed information. The new bucket
 * goes to the front of the user's usage priority unless the card's product says otherwise.
 *
 * <p>The order makes a bind safe to retry and a card safe to race for: the user's bucket is created
 * PENDING first (its id names the card and the user), then the card is bound by compare-and-set (of
 * two users racing, one wins; the loser's bucket is voided), then the data is issued under {@code
 * card-issue:<card>} and the bucket opened. A retry by the winner resumes where it stopped.
 */
final class CardBinding {
  private final TrafficCatalog catalog;
  private final SubscriberStore subscribers;
  private final TrafficStores stores;
  private final DataLedger ledger;
  private final CardDesignation designation;
  private final Clock clock;
  private final ZoneId zone;

  CardBinding(
      TrafficCatalog catalog,
      SubscriberStore subscribers,
      TrafficStores stores,
      DataLedger ledger,
      CardDesignation designation,
      Clock clock,
      ZoneId zone) {
    this.catalog = catalog;
    this.subscribers = subscribers;
    this.stores = stores;
    this.ledger = ledger;
    this.designation = designation;
    this.clock = clock;
    this.zone = zone;
  }

  /** What came of a bind. */
  sealed interface Outcome {
    /**
     * The card is the user's.
     *
     * @param replayed whether an earlier request bound it
     */
    record Bound(TrafficCard card, Bucket bucket, boolean replayed) implements Outcome {}

    /** No card has this number. */
    record Unknown() implements Outcome {}

    /** The card's purchase has not completed, or was voided. */
    record NotPaid(TrafficCard card) implements Outcome {}

    /** Another user bound it. */
    record BoundElsewhere(TrafficCard card) implements Outcome {}

    /** The user is not a subscriber here. */
    record UserUnknown() implements Outcome {}

    /** The user's number is not ACTIVE. */
    record NotInService(SubscriberState state) implements Outcome {}

    /** Every bucket slot of the user is taken. */
    record NoFreeSlot() implements Outcome {}
  }

  /** Binds card {@code id} to {@code user}. */
  Outcome bind(CardId id, Msisdn user) {
    Optional<TrafficCard> found = stores.cards().find(id);
    if (found.isEmpty()) {
      return new Outcome.Unknown();
    }
    TrafficCard card = found.get();
    if (card.state() == CardState.BOUND) {
      return user.equals(card.boundTo()) ? issue(card, true) : new Outcome.BoundElsewhere(card);
    }
    if (card.state() != CardState.UNBOUND) {
      return new Outcome.NotPaid(card);
    }
    Optional<Subscriber> subscriber = subscribers.find(user);
    if (subscriber.isEmpty()) {
      return new Outcome.UserUnknown();
    }
    if (subscriber.get().state() != SubscriberState.ACTIVE) {
      return new Outcome.NotInService(subscriber.get().state());
    }
    boolean designated = designation.designates(card, subscriber.get());
    Optional<Bucket> bucket =
        stores.buckets().create(bucketFor(card, subscriber.get(), designated));
    if (bucket.isEmpty()) {
      return new Outcome.NoFreeSlot();
    }
    if (!stores.cards().bind(id, user, designated, now())) {
      stores.buckets().move(bucket.get().id(), BucketState.PENDING, BucketState.VOIDED);
      TrafficCard now = stores.cards().find(id).orElseThrow();
      return user.equals(now.boundTo()) ? issue(now, true) : new Outcome.BoundElsewhere(now);
    }
    return issue(stores.cards().find(id).orElseThrow(), false);
  }

  private NewBucket bucketFor(TrafficCard card, Subscriber user, boolean designated) {
    TrafficProduct product = catalog.find(card.productId()).orElseThrow();
    Instant at = now();
    return new NewBucket(
        card.bucketFor(user.msisdn()),
        user.msisdn(),
        SubscriberAccounts.family(user.moneyAccount()),
        product,
        card.appsFor(designated),
        card.volumeBytes(),
        at,
        product.validity().until(at, zone),
        BucketState.PENDING);
  }

  /** Issues the bound card's data into the user's bucket and opens it (again, on a retry). */
  private Outcome issue(TrafficCard card, boolean replayed) {
    Bucket bucket = stores.buckets().find(card.bucketFor(card.boundTo())).orElseThrow();
    ledger.open(List.of(TrafficAccounts.openBucket(bucket.account(), card.boundTo().digits())));
    TransferResult issued =
        ledger.submit(
            TransferRequest.posted(
                card.dataTransferId(),
                ledger.houseBeside(bucket.account(), TrafficAccounts.DATA_ISSUED),
                bucket.account(),
                card.volumeBytes(),
                TrafficPurpose.DATA_ISSUED.code()));
    if (issued instanceof TransferResult.Rejected rejected) {
      throw new IllegalStateException(
          "the ledger refused " + card.dataTransferId() + ": " + rejected);
    }
    boolean opened = stores.buckets().move(bucket.id(), BucketState.PENDING, BucketState.ACTIVE);
    Bucket now = stores.buckets().find(bucket.id()).orElseThrow();
    return new Outcome.Bound(card, now, replayed && !opened);
  }

  private Instant now() {
    return clock.instant();
  }
}
