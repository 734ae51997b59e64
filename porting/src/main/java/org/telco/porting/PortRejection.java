package org.telco.porting;

/**
 * Why a port request ended without moving the number. Each has a stable code for the API and a
 * sentence for the subscriber.
 */
public enum PortRejection {
  /** The donor deposited no result for the number (or a newer attempt replaced it). */
  NO_DEPOSIT("no-deposit", "the current operator has not authorised a port of this number"),
  /** The terminal's result is not the donor's: the password was wrong. */
  WRONG_PROOF("wrong-proof", "the result does not match: check the service password"),
  /** The deposit was used by an earlier verification: a result is good once. */
  PROOF_REPLAYED("proof-replayed", "this result was already used; start the port again"),
  /** The deposit outlived its expiry before the recipient asked. */
  DEPOSIT_EXPIRED("deposit-expired", "the authorisation expired; start the port again"),
  /** Too many wrong results for the number lately: it is locked for a while. */
  LOCKED_OUT("locked-out", "too many wrong attempts; the number is locked for porting for a while"),
  /** The number is not the donor's subscriber, or no longer in service there. */
  UNKNOWN_NUMBER("unknown-number", "the number is not a subscriber of the named operator"),
  /** The subscriber (or the operator at its request) put a porting lock on the number. */
  PORTING_LOCK("porting-lock", "the number has a porting lock; lift it with the current operator"),
  /** The SIM was swapped too recently: a port right after a swap is the mark of SIM fraud. */
  RECENT_SIM_SWAP("recent-sim-swap", "the SIM card was replaced recently; try again later"),
  /** The recipient's policy declined the credit information (compensation above its limit). */
  DECLINED_BY_RECIPIENT("declined-by-recipient", "the new operator declined the port"),
  /** The recipient's settlement account could not pay the compensation. */
  SETTLEMENT_REFUSED("settlement-refused", "the compensation could not be settled"),
  /** A step did not come within its time. */
  TIMED_OUT("timed-out", "the port did not complete in time");

  private final String code;
  private final String sentence;

  PortRejection(String code, String sentence) {
    this.code = code;
    this.sentence = sentence;
  }

  /** The stable code, for problem answers and the port request's record. */
  public String code() {
    return code;
  }

  /** What to tell the subscriber. */
  public String sentence() {
    return sentence;
  }
}
