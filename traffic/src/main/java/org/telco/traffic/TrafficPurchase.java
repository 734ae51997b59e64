package org.telco.traffic;

import java.time.Instant;
import java.util.Objects;
import org.telco.ledger.TransferId;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.TransferIds;

/**
 * A purchase of a traffic product, recorded at each step of the two-phase protocol.
 *
 * @param id the client's idempotency key
 * @param msisdn the buyer, who pays
 * @param productId what is bought
 * @param priceFen the price agreed at pre-authentication
 * @param step how far it got
 * @param voidReason why it was voided, else null
 * @param cardId the card it created (a card product, from authentication confirm on), else null
 * @param createdAt when pre-authentication passed
 * @param expiresAt when it voids itself unless complete
 * @param updatedAt when it took its current step
 */
public record TrafficPurchase(
    PurchaseId id,
    Msisdn msisdn,
    ProductId productId,
    long priceFen,
    PurchaseStep step,
    VoidReason voidReason,
    CardId cardId,
    Instant createdAt,
    Instant expiresAt,
    Instant updatedAt) {
  /** Checks that a reason comes with VOIDED only. */
  public TrafficPurchase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(msisdn, "msisdn");
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (priceFen <= 0) {
      throw new IllegalArgumentException("a price is positive");
    }
    if ((step == PurchaseStep.VOIDED) != (voidReason != null)) {
      throw new IllegalArgumentException("a void reason comes with VOIDED only");
    }
  }

  /** A purchase that passed pre-authentication at {@code at} and voids itself after the timeout. */
  public static TrafficPurchase preAuthenticated(
      PurchaseId id, Msisdn msisdn, TrafficProduct product, Instant at, long timeoutSeconds) {
    return new TrafficPurchase(
        id,
        msisdn,
        product.id(),
        product.priceFen(),
        PurchaseStep.PRE_AUTHENTICATED,
        null,
        null,
        at,
        at.plusSeconds(timeoutSeconds),
        at);
  }

  /** Whether {@code other} asks for the same purchase: same buyer and product. */
  public boolean sameRequestAs(TrafficPurchase other) {
    return id.equals(other.id) && msisdn.equals(other.msisdn) && productId.equals(other.productId);
  }

  /** The pending money transfer of pre-deduction, {@code traffic-sale:<purchase id>}. */
  public TransferId moneyTransferId() {
    return TransferIds.of("traffic-sale", id.value());
  }

  /** The pending data transfer into the pack's bucket, {@code traffic-issue:<purchase id>}. */
  public TransferId dataTransferId() {
    return TransferIds.of("traffic-issue", id.value());
  }

  /** The transfer that posts the money, {@code traffic-sale-post:<purchase id>}. */
  public TransferId moneyPostId() {
    return TransferIds.of("traffic-sale-post", id.value());
  }

  /** The transfer that posts the data, {@code traffic-issue-post:<purchase id>}. */
  public TransferId dataPostId() {
    return TransferIds.of("traffic-issue-post", id.value());
  }

  /** The transfer that voids the money, {@code traffic-sale-void:<purchase id>}. */
  public TransferId moneyVoidId() {
    return TransferIds.of("traffic-sale-void", id.value());
  }

  /** The transfer that voids the data, {@code traffic-issue-void:<purchase id>}. */
  public TransferId dataVoidId() {
    return TransferIds.of("traffic-issue-void", id.value());
  }

  /** The bucket a pack purchase creates. */
  public BucketId bucketId() {
    return BucketId.ofPurchase(id);
  }
}
