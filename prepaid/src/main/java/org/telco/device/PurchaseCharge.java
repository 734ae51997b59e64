package org.telco.device;

/**
 * Whether the ledger took a recorded purchase's money. A purchase is recorded first, so that it
 * holds its place under the device's cap while the charge is made, and then settled once the ledger
 * has answered.
 *
 * <p>Why the store keeps this: the ledger can refuse a charge the rules allowed (the payer's money
 * ran short since it was read), and such a purchase must neither count against the cap nor be
 * charged later by a retry that arrives after a top-up. A retry of a purchase is answered as the
 * first attempt was, so a declined id stays declined; the device buys again under a new id.
 */
public enum PurchaseCharge {
  /** Recorded; the ledger has not answered yet (or the node stopped before it was settled). */
  PENDING,
  /** The ledger moved the money: the payer paid. */
  CHARGED,
  /** The ledger refused it: nothing was paid, and it does not count against the cap. */
  DECLINED;

  /** Whether it counts towards what the device spent in its month. */
  public boolean countsAgainstCap() {
    return this != DECLINED;
  }
}
