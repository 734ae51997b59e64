package org.telco.payment;

/** How a payer paid; decides which payment provider takes the money. */
public enum PaymentChannel {
  /** The built-in sandbox provider, for demos and tests. */
  SANDBOX,
  /** A bank card. */
  CARD,
  /** A mobile wallet. */
  WALLET,
  /** A bank transfer. */
  BANK_TRANSFER,
  /** Charged to another phone number's bill or balance. */
  CARRIER_BILLING
}
