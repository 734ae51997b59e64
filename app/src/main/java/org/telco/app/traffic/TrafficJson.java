package org.telco.app.traffic;

import java.util.List;
import org.telco.ledger.Account;
import org.telco.traffic.Bucket;
import org.telco.traffic.PurchaseStore;
import org.telco.traffic.RatingGroup;
import org.telco.traffic.TrafficCard;
import org.telco.traffic.TrafficProduct;
import org.telco.traffic.TrafficPurchase;

/** The JSON views of flow F5's resources. */
final class TrafficJson {
  private TrafficJson() {}

  /** {@code POST /api/v1/traffic/purchases}. */
  record PurchaseRequest(String id, String msisdn, String productId) {}

  /** {@code POST /api/v1/traffic/cards/{cardId}/bind}. */
  record BindRequest(String msisdn) {}

  /** {@code PUT /api/v1/subscribers/{msisdn}/buckets/priority}. */
  record PriorityRequest(List<String> bucketIds) {}

  /** A product of the catalogue. */
  record Product(
      String id,
      String kind,
      String name,
      long priceFen,
      long volumeBytes,
      List<Long> ratingGroups,
      String idleHours,
      String validity,
      boolean usedFirst,
      boolean renewsMonthly) {
    static Product of(TrafficProduct p) {
      return new Product(
          p.id().value(),
          p.kind().name(),
          p.name(),
          p.priceFen(),
          p.volumeBytes(),
          groups(p.ratingGroups()),
          p.idleHours() == null ? null : p.idleHours().start() + "-" + p.idleHours().end(),
          p.validity().days() == 0 ? "end-of-month" : p.validity().days() + "-days",
          p.usedFirst(),
          PackRenewals.renews(p));
    }
  }

  /** One recorded step. */
  record Step(String step, String at, String detail) {
    static Step of(PurchaseStore.StepRecord r) {
      return new Step(r.step().name(), r.at().toString(), r.detail().isEmpty() ? null : r.detail());
    }
  }

  /** A purchase with its steps. */
  record Purchase(
      String id,
      String msisdn,
      String productId,
      long priceFen,
      String step,
      String voidReason,
      String bucketId,
      String cardId,
      String createdAt,
      String expiresAt,
      List<Step> steps) {
    static Purchase of(TrafficPurchase p, boolean card, List<PurchaseStore.StepRecord> steps) {
      boolean completed = p.step() == org.telco.traffic.PurchaseStep.DEDUCTION_CONFIRMED;
      return new Purchase(
          p.id().value(),
          p.msisdn().digits(),
          p.productId().value(),
          p.priceFen(),
          p.step().name(),
          p.voidReason() == null ? null : p.voidReason().code(),
          completed && !card ? p.bucketId().value() : null,
          p.cardId() == null ? null : p.cardId().value(),
          p.createdAt().toString(),
          p.expiresAt().toString(),
          steps.stream().map(Step::of).toList());
    }
  }

  /** A card. */
  record Card(
      String cardId,
      String productId,
      String purchaser,
      long volumeBytes,
      List<Long> ratingGroups,
      String state,
      String boundTo,
      Boolean designated,
      String boundAt) {
    static Card of(TrafficCard c) {
      boolean bound = c.boundTo() != null;
      return new Card(
          c.id().value(),
          c.productId().value(),
          c.purchaser().digits(),
          c.volumeBytes(),
          groups(c.ratingGroups()),
          c.state().name(),
          bound ? c.boundTo().digits() : null,
          bound ? c.designated() : null,
          bound ? c.boundAt().toString() : null);
    }
  }

  /** A bucket with its balances from the ledger. */
  record BucketView(
      String id,
      String productId,
      String kind,
      List<Long> ratingGroups,
      boolean directed,
      int priority,
      String state,
      long volumeBytes,
      long availableBytes,
      long reservedBytes,
      long usedBytes,
      String validFrom,
      String validUntil,
      String idleHours) {
    static BucketView of(Bucket b, Account account) {
      long available = account == null ? 0 : account.availableCredit();
      long reserved = account == null ? 0 : account.debitsPending();
      long used = account == null ? 0 : account.debitsPosted();
      return new BucketView(
          b.id().value(),
          b.productId().value(),
          b.kind().name(),
          groups(b.ratingGroups()),
          b.isDirected(),
          b.priority(),
          b.state().name(),
          b.volumeBytes(),
          available,
          reserved,
          used,
          b.validFrom().toString(),
          b.validUntil().toString(),
          b.idleHours() == null ? null : b.idleHours().start() + "-" + b.idleHours().end());
    }
  }

  /** A card bound: the card and the bucket it made. */
  record Bound(Card card, BucketView bucket) {}

  /** A subscriber's buckets in usage priority. */
  record Buckets(String msisdn, List<BucketView> buckets) {}

  private static List<Long> groups(java.util.Collection<RatingGroup> groups) {
    return groups.stream().map(RatingGroup::value).toList();
  }
}
