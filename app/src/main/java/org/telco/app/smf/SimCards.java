package org.telco.app.smf;

/**
 * The simulator's SIM cards: each number's IMSI is made from the number, so the SMF and the
 * provisioning agree on it without a shared list. Mobile country code 460 and network code 00
 * (China), then the number's last ten digits as the subscriber's number in the network.
 */
final class SimCards {
  private static final String HOME_NETWORK = "46000";
  private static final int MSIN_DIGITS = 10;

  private SimCards() {}

  /** The IMSI of the simulated SIM in {@code msisdn}'s handset. */
  static String imsiOf(String msisdn) {
    String tail =
        msisdn.length() >= MSIN_DIGITS
            ? msisdn.substring(msisdn.length() - MSIN_DIGITS)
            : "0".repeat(MSIN_DIGITS - msisdn.length()) + msisdn;
    return HOME_NETWORK + tail;
  }
}
