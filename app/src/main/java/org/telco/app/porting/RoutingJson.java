package org.telco.app.porting;

import java.util.List;

/** The JSON of the routing database's API (flow F4, docs/portability.md). */
final class RoutingJson {
  private RoutingJson() {}

  /**
   * {@code GET /api/v1/routing/{msisdn}}: who serves a number.
   *
   * @param msisdn the number
   * @param operator the operator serving it
   * @param ported whether it was ported there (false: the range holder serves it)
   * @param routingNumber the prefix that reaches the recipient; absent when not ported
   * @param version the version of the routing database the answer reflects
   */
  record Lookup(
      String msisdn, String operator, boolean ported, String routingNumber, long version) {}

  /**
   * What an operator asks the clearinghouse: the changes after {@code after}, at most {@code
   * limit}.
   */
  record ChangesQuery(long after, int limit) {}

  /**
   * A page of the change log.
   *
   * @param latest the clearinghouse's latest version
   * @param changes the changes after the one asked for, in order
   */
  record Changes(long latest, List<Change> changes) {}

  /**
   * One routing change.
   *
   * @param version its place, consecutive from 1
   * @param msisdn the number
   * @param operator where it is served from now on
   * @param routingNumber the recipient's routing number; absent for a repatriation
   * @param repatriated whether it went back to its range holder
   */
  record Change(
      long version, String msisdn, String operator, String routingNumber, boolean repatriated) {}

  /** The clearinghouse's hint that the log grew to {@code latest}. */
  record Notice(long latest) {}
}
