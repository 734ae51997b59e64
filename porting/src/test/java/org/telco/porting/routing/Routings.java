package org.telco.porting.routing;

import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;

/** Routings and numbers for the tests: operator k is {@code op<k>} with routing number 1390k. */
final class Routings {
  private Routings() {}

  static Routing of(int operator) {
    return new Routing(
        new OperatorId("op" + operator), new RoutingNumber(String.format("1390%02d", operator)));
  }

  static Msisdn msisdn(long digits) {
    return new Msisdn(Long.toString(digits));
  }
}
