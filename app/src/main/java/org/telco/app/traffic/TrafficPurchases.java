package org.telco.app.traffic;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.telco.ledger.TransferId;
import org.telco.ledger.TransferRejection;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.SubscriberStore;
import org.telco.traffic.Bucket;
import org.telco.traffic.BucketState;
import org.telco.traffic.CardNumbers;
import org.telco.traffic.CardState;
import org.telco.traffic.NewBucket;
import org.telco.traffic.ProductId;
import org.telco.traffic.PurchaseId;
import org.telco.traffic.PurchaseRefusal;
import org.telco.traffic.PurchaseRules;
import org.telco.traffic.PurchaseStep;
import org.telco.traffic.TrafficAccounts;
import org.telco.traffic.TrafficCard;
import org.telco.traffic.TrafficCatalog;
import org.telco.traffic.TrafficProduct;
import org.telco.traffic.TrafficPurchase;
import org.telco.traffic.TrafficPurpose;
import org.telco.traffic.VoidReason;

/**
 * The two-phase purchase of flow F5 (docs/traffic.md, "Purchase"), between the traffic platform
 * (products, buckets, cards) and the charging platform (the ledger): pre-authentication,
 * pre-deduction (a pending transfer of the price), authentication confirm (the bucket with its data
 * pending, or the card), deduction confirm (money and data posted in one linked chain).
 *
 * <p>Each step is recorded and each is safe to run again: a retried purchase id resumes from the
 * step it reached. The ledger decides every race: a purchase completes only if its pending
 * transfers post, and is voided only if they void (or expired), so the sweep of abandoned purchases
 * and a late confirm can never both win. Whatever fails voids the purchase; one nobody finishes
 * voids itself at its timeout ({@link #voidAbandoned}), and the ledger expires its pending
 * transfers at the same moment.
 */
final class TrafficPurchases {
  private final TrafficCatalog catalog;
  private final SubscriberStore subscribers;
  private final TrafficStores stores;
  private final DataLedger ledger;
  private final CardNumbers cardNumbers;
  private final Clock clock;
  private final ZoneId zone;
  private final long timeoutSeconds;
  private final PackRenewals renewals;

  TrafficPurchases(
      TrafficCatalog catalog,
      SubscriberStore subscribers,
      TrafficStores stores,
      DataLedger ledger,
      CardNumbers cardNumbers,
      Clock clock,
      ZoneId zone,
      long timeoutSeconds,
      PackRenewals renewals) {
    this.catalog = catalog;
    this.subscribers = subscribers;
    this.stores = stores;
    this.ledger = ledger;
    this.cardNumbers = cardNumbers;
    this.clock = clock;
    this.zone = zone;
    this.timeoutSeconds = timeoutSeconds;
    this.renewals = renewals;
  }

  /** What came of a purchase. */
  sealed interface Outcome {
    /**
     * It completed (DEDUCTION_CONFIRMED).
     *
     * @param replayed whether an earlier request with this id completed it
     */
    record Completed(TrafficPurchase purchase, boolean replayed) implements Outcome {}

    /** It was voided, now or before; nothing moved. */
    record Voided(TrafficPurchase purchase) implements Outcome {}

    /** Pre-authentication refused it; nothing was recorded. */
    record Refused(PurchaseRefusal refusal) implements Outcome {}

    /** The id names another purchase; nothing changed. */
    record IdReused(TrafficPurchase stored) implements Outcome {}
  }

  /** Buys {@code productId} for {@code msisdn} under {@code id}, every step in turn. */
  Outcome purchase(PurchaseId id, Msisdn msisdn, ProductId productId) {
    Optional<TrafficPurchase> stored = stores.purchases().find(id);
    if (stored.isPresent()) {
      return retry(stored.get(), msisdn, productId);
    }
    Optional<TrafficPurchase> opened;
    try {
      opened = preAuthenticate(id, msisdn, productId);
    } catch (Refusal refusal) {
      return new Outcome.Refused(refusal.reason);
    }
    if (opened.isEmpty()) {
      return retry(stores.purchases().find(id).orElseThrow(), msisdn, productId);
    }
    return finish(opened.get(), false);
  }

  /**
   * Step 1, pre-authentication: checks and records the purchase at PRE_AUTHENTICATED.
   *
   * @return the purchase, or empty when the id was stored meanwhile (by a rival request)
   * @throws Refusal when the rules refuse it
   */
  Optional<TrafficPurchase> preAuthenticate(PurchaseId id, Msisdn msisdn, ProductId productId)
      throws Refusal {
    Optional<TrafficProduct> product = catalog.find(productId);
    Optional<Subscriber> buyer = subscribers.find(msisdn);
    List<Bucket> live = buyer.isPresent() ? stores.buckets().liveOf(msisdn) : List.of();
    Optional<PurchaseRefusal> refusal = PurchaseRules.preAuthenticate(product, buyer, live, now());
    if (refusal.isPresent()) {
      throw new Refusal(refusal.get());
    }
    TrafficPurchase purchase =
        TrafficPurchase.preAuthenticated(id, msisdn, product.get(), now(), timeoutSeconds);
    return switch (stores.purchases().open(purchase)) {
      case OPENED -> Optional.of(purchase);
      case REPLAYED, CONFLICT -> Optional.empty();
    };
  }

  /** Step 2, pre-deduction: holds the price in a pending transfer from the buyer's money. */
  TrafficPurchase preDeduct(TrafficPurchase purchase) {
    requireAt(purchase, PurchaseStep.PRE_AUTHENTICATED);
    Subscriber buyer = subscribers.find(purchase.msisdn()).orElseThrow();
    TransferRequest hold =
        TransferRequest.pending(
            purchase.moneyTransferId(),
            buyer.moneyAccount(),
            ledger.houseBeside(buyer.moneyAccount(), TrafficAccounts.TRAFFIC_SALES),
            purchase.priceFen(),
            secondsLeft(purchase),
            TrafficPurpose.TRAFFIC_SALE.code());
    return switch (ledger.submit(hold)) {
      case TransferResult.Accepted accepted -> advance(purchase, null);
      case TransferResult.Rejected rejected
          when rejected.reason() == TransferRejection.EXCEEDS_CREDITS ->
          voidPurchase(purchase, VoidReason.BALANCE_TOO_LOW);
      case TransferResult.Rejected rejected ->
          voidPurchase(purchase, VoidReason.PRE_DEDUCTION_FAILED);
    };
  }

  /**
   * Step 3, authentication confirm: creates the pack's bucket with its data pending, or the card.
   */
  TrafficPurchase confirmAuthentication(TrafficPurchase purchase) {
    requireAt(purchase, PurchaseStep.PRE_DEDUCTED);
    TrafficProduct product = catalog.find(purchase.productId()).orElseThrow();
    if (product.isCard()) {
      TrafficCard card =
          stores.cards().create(TrafficCard.created(cardNumbers.next(), purchase, product, now()));
      return advance(purchase, card);
    }
    Subscriber buyer = subscribers.find(purchase.msisdn()).orElseThrow();
    long family = SubscriberAccounts.family(buyer.moneyAccount());
    NewBucket request =
        NewBucket.ofPack(purchase.bucketId(), buyer.msisdn(), family, product, now(), zone);
    Optional<Bucket> bucket = stores.buckets().create(request);
    if (bucket.isEmpty()) {
      return voidPurchase(purchase, VoidReason.NO_FREE_BUCKET_SLOT);
    }
    ledger.open(
        List.of(TrafficAccounts.openBucket(bucket.get().account(), buyer.msisdn().digits())));
    TransferRequest issue =
        TransferRequest.pending(
            purchase.dataTransferId(),
            ledger.houseBeside(bucket.get().account(), TrafficAccounts.DATA_ISSUED),
            bucket.get().account(),
            product.volumeBytes(),
            secondsLeft(purchase),
            TrafficPurpose.DATA_ISSUED.code());
    return switch (ledger.submit(issue)) {
      case TransferResult.Accepted accepted -> advance(purchase, null);
      case TransferResult.Rejected rejected ->
          voidPurchase(purchase, VoidReason.AUTHENTICATION_CONFIRM_FAILED);
    };
  }

  /** Step 4, deduction confirm: posts the money and the data together, then opens the product. */
  TrafficPurchase confirmDeduction(TrafficPurchase purchase) {
    requireAt(purchase, PurchaseStep.AUTHENTICATION_CONFIRMED);
    TrafficProduct product = catalog.find(purchase.productId()).orElseThrow();
    TransferRequest postMoney =
        TransferRequest.postPending(purchase.moneyPostId(), purchase.moneyTransferId(), 0);
    List<TransferRequest> chain =
        product.isCard()
            ? List.of(postMoney)
            : List.of(
                postMoney.linked(),
                TransferRequest.postPending(purchase.dataPostId(), purchase.dataTransferId(), 0));
    List<TransferResult> results = ledger.submit(chain);
    if (results.stream().anyMatch(TransferResult.Rejected.class::isInstance)) {
      return voidPurchase(purchase, VoidReason.DEDUCTION_CONFIRM_FAILED);
    }
    if (product.isCard()) {
      stores.cards().move(purchase.cardId(), CardState.PENDING, CardState.UNBOUND);
    } else {
      stores.buckets().move(purchase.bucketId(), BucketState.PENDING, BucketState.ACTIVE);
      renewals.scheduleFor(product, stores.buckets().find(purchase.bucketId()).orElseThrow());
    }
    return advance(purchase, null);
  }

  /**
   * Voids every unfinished purchase whose timeout has passed: the purchases abandoned by a stopped
   * node or a failed step. One whose money the ledger posted meanwhile completes instead.
   *
   * @return how many were settled
   */
  int voidAbandoned(int limit) {
    List<TrafficPurchase> due = stores.purchases().abandoned(now(), limit);
    for (TrafficPurchase purchase : due) {
      voidPurchase(purchase, VoidReason.ABANDONED);
    }
    return due.size();
  }

  private Outcome retry(TrafficPurchase stored, Msisdn msisdn, ProductId productId) {
    if (!stored.msisdn().equals(msisdn) || !stored.productId().equals(productId)) {
      return new Outcome.IdReused(stored);
    }
    return finish(stored, true);
  }

  /** Runs the remaining steps from where the purchase is. */
  private Outcome finish(TrafficPurchase start, boolean retried) {
    TrafficPurchase purchase = start;
    boolean moved = false;
    while (!purchase.step().isFinal()) {
      if (!now().isBefore(purchase.expiresAt())) {
        purchase = voidPurchase(purchase, VoidReason.ABANDONED);
        continue;
      }
      moved = true;
      purchase =
          switch (purchase.step()) {
            case PRE_AUTHENTICATED -> preDeduct(purchase);
            case PRE_DEDUCTED -> confirmAuthentication(purchase);
            case AUTHENTICATION_CONFIRMED -> confirmDeduction(purchase);
            case DEDUCTION_CONFIRMED, VOIDED -> purchase;
          };
    }
    return purchase.step() == PurchaseStep.VOIDED
        ? new Outcome.Voided(purchase)
        : new Outcome.Completed(purchase, retried && !moved);
  }

  /**
   * Voids the purchase at its current step: the pending money first (if the ledger posted it
   * meanwhile, the purchase completes instead), then the pending data, the bucket or card, and the
   * record.
   */
  private TrafficPurchase voidPurchase(TrafficPurchase purchase, VoidReason reason) {
    TransferResult money = voidOrExpire(purchase.moneyVoidId(), purchase.moneyTransferId());
    if (money instanceof TransferResult.Rejected rejected
        && rejected.reason() == TransferRejection.PENDING_TRANSFER_ALREADY_POSTED) {
      return complete(purchase);
    }
    voidOrExpire(purchase.dataVoidId(), purchase.dataTransferId());
    stores.buckets().move(purchase.bucketId(), BucketState.PENDING, BucketState.VOIDED);
    stores
        .cards()
        .ofPurchase(purchase.id())
        .ifPresent(card -> stores.cards().move(card.id(), CardState.PENDING, CardState.VOIDED));
    stores.purchases().voidAt(purchase.id(), purchase.step(), reason, now());
    return reread(purchase);
  }

  /**
   * Voids a pending transfer; one whose timeout has passed is expired at once instead, as the timer
   * poller would do a moment later, so its reservation is released now.
   */
  private TransferResult voidOrExpire(TransferId voidId, TransferId pendingId) {
    TransferResult result = ledger.submit(TransferRequest.voidPending(voidId, pendingId));
    if (result instanceof TransferResult.Rejected rejected
        && rejected.reason() == TransferRejection.PENDING_TRANSFER_EXPIRED) {
      ledger.expire(pendingId);
    }
    return result;
  }

  /** The ledger posted the purchase's money: open the product and record the last step. */
  private TrafficPurchase complete(TrafficPurchase purchase) {
    if (purchase.step() == PurchaseStep.AUTHENTICATION_CONFIRMED) {
      return confirmDeduction(purchase);
    }
    throw new IllegalStateException(
        "purchase " + purchase.id() + " was posted at step " + purchase.step());
  }

  private TrafficPurchase advance(TrafficPurchase purchase, TrafficCard card) {
    stores
        .purchases()
        .advance(purchase.id(), purchase.step(), now(), card == null ? null : card.id());
    return reread(purchase);
  }

  private TrafficPurchase reread(TrafficPurchase purchase) {
    return stores.purchases().find(purchase.id()).orElseThrow();
  }

  private long secondsLeft(TrafficPurchase purchase) {
    long left = purchase.expiresAt().getEpochSecond() - now().getEpochSecond();
    return Math.max(1, left);
  }

  private static void requireAt(TrafficPurchase purchase, PurchaseStep step) {
    if (purchase.step() != step) {
      throw new IllegalStateException(
          purchase.id() + " is at " + purchase.step() + ", not " + step);
    }
  }

  private Instant now() {
    return clock.instant();
  }

  /** Pre-authentication's refusal, thrown so the step reads as one call. */
  static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why. */
    final transient PurchaseRefusal reason;

    Refusal(PurchaseRefusal reason) {
      super(reason.code(), null, false, false);
      this.reason = reason;
    }
  }
}
