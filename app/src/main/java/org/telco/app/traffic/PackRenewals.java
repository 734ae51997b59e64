package org.telco.app.traffic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;
import org.telco.subscriber.Msisdn;
import org.telco.time.Timer;
import org.telco.time.TimerStore;
import org.telco.traffic.Bucket;
import org.telco.traffic.BucketStore;
import org.telco.traffic.ProductId;
import org.telco.traffic.ProductKind;
import org.telco.traffic.PurchaseId;
import org.telco.traffic.TrafficProduct;

/**
 * Monthly packs renew themselves (flow F5, docs/traffic.md "Renewal"): a basic, directed or
 * idle-time pack is a subscription, valid to the end of the month and bought again at the start of
 * the next, until the subscriber cancels it or cannot pay.
 *
 * <p>When a purchase of such a pack completes, a durable timer is scheduled at its bucket's end,
 * before the purchase records its last step, so a crash between the two finds the timer there on
 * the retry (scheduling is idempotent). When the timer fires, the same product is bought for the
 * same number through the same two-phase purchase, under the id {@code
 * renew-<yyyyMM>-<msisdn>-<product>}: a timer fired twice, or two copies of one pack ending
 * together, renew it once. A renewal the balance cannot pay is voided like any purchase ({@code
 * balance-too-low}) and the chain ends there; a purchase by hand starts it again. Either way the
 * subscriber gets an SMS ({@link RenewalNotices}). Cancelling completes the timers of the live
 * copies before they fire.
 */
final class PackRenewals {
  /** The kind of the renewal timers. */
  static final String KIND = "traffic-renewal";

  private static final Logger LOG = Logger.getLogger(PackRenewals.class.getName());
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

  private final TimerStore timers;
  private final BucketStore buckets;
  private final Clock clock;
  private final ZoneId zone;
  private final RenewalNotices notices;

  PackRenewals(
      TimerStore timers, BucketStore buckets, Clock clock, ZoneId zone, RenewalNotices notices) {
    this.timers = timers;
    this.buckets = buckets;
    this.clock = clock;
    this.zone = zone;
    this.notices = notices;
  }

  /** Whether {@code product} is a subscription that renews every month. */
  static boolean renews(TrafficProduct product) {
    return renews(product.kind());
  }

  private static boolean renews(ProductKind kind) {
    return switch (kind) {
      case BASIC_MONTHLY, DIRECTED, IDLE_TIME -> true;
      case ADD_ON, TRAFFIC_CARD -> false;
    };
  }

  /** Schedules the renewal of the pack that {@code bucket} holds, if its product renews. */
  void scheduleFor(TrafficProduct product, Bucket bucket) {
    if (renews(product)) {
      timers.schedule(
          new Timer(
              timerId(bucket),
              KIND,
              bucket.msisdn().digits() + " " + product.id().value(),
              bucket.validUntil()));
    }
  }

  /**
   * Cancels the renewal of the owner's live copies of {@code product}; cancelling again changes
   * nothing.
   *
   * @return how many live copies there are whose renewal is now cancelled; 0 when none renews
   */
  int cancel(Msisdn msisdn, ProductId product) {
    Instant now = clock.instant();
    List<Bucket> renewing =
        buckets.liveOf(msisdn).stream()
            .filter(b -> b.productId().equals(product) && renews(b.kind()))
            .filter(b -> b.validUntil().isAfter(now))
            .toList();
    timers.completeAll(renewing.stream().map(PackRenewals::timerId).toList(), now);
    return renewing.size();
  }

  /**
   * Buys the pack of a fired renewal timer again through {@code purchases}, and tells the
   * subscriber by SMS whether it was bought.
   */
  void renew(Timer timer, TrafficPurchases purchases) {
    String[] parts = timer.payload().split(" ");
    Msisdn msisdn = new Msisdn(parts[0]);
    ProductId product = new ProductId(parts[1]);
    PurchaseId id = purchaseId(msisdn, product, timer.dueAt());
    TrafficPurchases.Outcome outcome = purchases.purchase(id, msisdn, product);
    notices.tell(id, msisdn, product, timer.dueAt(), outcome, clock.instant());
    LOG.info(() -> "renewal " + id.value() + ": " + outcome.getClass().getSimpleName());
  }

  /**
   * The id of the purchase that renews {@code product} for {@code msisdn} at {@code at}; a product
   * id too long to fit is replaced by the start of its SHA-256.
   */
  PurchaseId purchaseId(Msisdn msisdn, ProductId product, Instant at) {
    String prefix = "renew-" + MONTH.format(at.atZone(zone)) + "-" + msisdn.digits() + "-";
    String id = prefix + product.value();
    return new PurchaseId(PurchaseId.isWellFormed(id) ? id : prefix + shortHash(product.value()));
  }

  private static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String timerId(Bucket bucket) {
    return KIND + ":" + bucket.id().value();
  }
}
