package org.telco.phone.autopay;

/**
 * What the network says about a number, and nothing more: whether it is served and open, served but
 * restricted (barred for arrears or voluntarily suspended, the answer never says which), or not
 * served by the operator asked.
 */
public enum NumberStatus {
  /** In service. */
  NORMAL,
  /** Served, but calls are restricted. */
  RESTRICTED,
  /** Not a subscriber of the operator that serves the number's range. */
  UNKNOWN
}
