package org.telco.traffic;

import java.util.Objects;

/**
 * A bucket's id, derived from what created it ({@code purchase:<purchase id>} or {@code card:<card
 * id>}), so a retried step finds the bucket it created before.
 *
 * @param value the id, 1 to 100 characters without spaces
 */
public record BucketId(String value) {
  /** Checks the form. */
  public BucketId {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()
        || value.length() > 100
        || value.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("a bucket id is 1-100 characters without spaces");
    }
  }

  /** The bucket a pack purchase creates. */
  public static BucketId ofPurchase(PurchaseId purchase) {
    return new BucketId("purchase:" + purchase.value());
  }

  /** The bucket binding {@code card} to {@code user} creates. */
  public static BucketId ofCard(CardId card, org.telco.subscriber.Msisdn user) {
    return new BucketId("card:" + card.value() + ":" + user.digits());
  }

  @Override
  public String toString() {
    return value;
  }
}
