package org.telco.app.subscriber;

/**
 * The body of {@code POST /api/v1/subscribers}, as decoded; the routes check each field.
 *
 * @param msisdn the number, digits in international form
 * @param planId a plan of this operator
 * @param servicePassword the chosen service password, kept only as a derived key
 */
record SubscribeJson(String msisdn, String planId, String servicePassword) {
  /** Never shows the password, so a log line or a debugger view cannot leak it. */
  @Override
  public String toString() {
    return "SubscribeJson[msisdn=" + msisdn + ", planId=" + planId + ", servicePassword=***]";
  }
}
