package org.telco.device;

/**
 * Whether a purchase may be charged, reasons in the order {@link PurchaseRules} checks them. The
 * web layer maps each to an answer with an exhaustive {@code switch}.
 */
public enum PurchaseVerdict {
  /** Charge it. */
  ALLOWED,
  /** The token names no binding of this device: forged, mistyped or another device's. */
  TOKEN_INVALID,
  /** The token's binding was ended (a stolen token stops working at UNBIND). */
  NOT_BOUND,
  /** The payer's line is barred, suspended, ported out or closed. */
  PAYER_NOT_IN_SERVICE,
  /** It would take the device past its monthly cap. */
  OVER_CAP
}
