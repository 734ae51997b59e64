package org.telco.traffic;

/** The purpose codes (the ledger's {@code code} field) of the transfers flow F5 writes. */
public enum TrafficPurpose {
  /** A pack or card paid from money to traffic sales (pending at pre-deduction). */
  TRAFFIC_SALE(201),
  /** Data issued into a new bucket. */
  DATA_ISSUED(202),
  /** Data used from a bucket (a charging reservation, pending until the usage is reported). */
  DATA_USED(203),
  /** Data left in a bucket when it expired. */
  DATA_EXPIRED(204),
  /** Data paid as you go from money (pending while granted). */
  DATA_PAY_AS_YOU_GO(205),
  /** A partner's settlement for the directed traffic it sponsors. */
  SPONSOR_SETTLEMENT(206),
  /** A partner's prefunding of its account. */
  SPONSOR_PREFUND(207);

  private final int code;

  TrafficPurpose(int code) {
    this.code = code;
  }

  /** The ledger code. */
  public int code() {
    return code;
  }
}
