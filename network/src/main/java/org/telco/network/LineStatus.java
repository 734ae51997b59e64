package org.telco.network;

/**
 * What the network knows about one line: whether it is barred and how many data sessions are open.
 *
 * @param msisdn the line
 * @param barred true while calls, SMS and new data sessions are refused
 * @param dataSessionsActive data sessions open now, never negative
 * @param lastCommandId the last command applied to the line, or null if none ever was
 */
public record LineStatus(
    String msisdn, boolean barred, int dataSessionsActive, String lastCommandId) {
  /** Requires a MSISDN and a non-negative session count. */
  public LineStatus {
    MsisdnDigits.require(msisdn, "msisdn");
    if (dataSessionsActive < 0) {
      throw new IllegalArgumentException(
          "data sessions must not be negative: " + dataSessionsActive);
    }
  }

  /** A line the network was never told about: open, no sessions, no command. */
  public static LineStatus fresh(String msisdn) {
    return new LineStatus(msisdn, false, 0, null);
  }

  /** This line with {@code count} open data sessions. */
  public LineStatus withDataSessions(int count) {
    return new LineStatus(msisdn, barred, count, lastCommandId);
  }
}
