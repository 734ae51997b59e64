package org.telco.subscriber;

/**
 * The purpose codes (the ledger's {@code code} field) of the transfers prepaid writes, so a
 * statement or an audit can say what each movement was without parsing ids. Codes 100-199 belong to
 * prepaid; other features take their own hundreds.
 */
public enum PurposeCode {
  /** A payment credited to a subscriber's money. */
  TOP_UP(101),
  /** A monthly fee paid from a subscriber's money. */
  MONTHLY_FEE(102),
  /** A monthly fee that could not be paid, recorded as due in the arrears account. */
  FEE_DUE(103),
  /** Money paying what was due. */
  ARREARS_SETTLED(104),
  /** A refund of a payment, back to the payments clearing account. */
  REFUND(105),
  /** An emergency advance from the operator's emergency-credit account to a subscriber. */
  ADVANCE(106),
  /** Money repaying an emergency advance, back to the emergency-credit account. */
  ADVANCE_REPAID(107),
  /** A purchase on a bound device, from its payer's money (flow F3). */
  DEVICE_PURCHASE(108),
  /** An operator's prefunding of its settlement account at the clearinghouse (flow F4). */
  SETTLEMENT_PREFUND(109),
  /** A port's compensation, from the recipient's settlement account to the donor's (flow F4). */
  PORT_COMPENSATION(110);

  private final int code;

  PurposeCode(int code) {
    this.code = code;
  }

  /** The ledger code. */
  public int code() {
    return code;
  }
}
