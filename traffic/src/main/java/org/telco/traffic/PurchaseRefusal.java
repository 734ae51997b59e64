package org.telco.traffic;

import java.util.Locale;

/**
 * Why pre-authentication refuses a purchase, in the order it checks. Nothing is recorded for a
 * refused pre-authentication: no purchase exists, so the same id may be used again.
 */
public enum PurchaseRefusal {
  /** The product is not in the catalogue. */
  PRODUCT_UNKNOWN,
  /** The number is not a subscriber of this operator. */
  SUBSCRIBER_UNKNOWN,
  /** The number is not ACTIVE (barred, suspended, on an advance, ported out or closed). */
  NOT_IN_SERVICE,
  /** A basic monthly pack is live already: one a month. */
  BASIC_PACK_HELD;

  /** The stable code for APIs, such as {@code not-in-service}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
