package org.telco.sms;

/**
 * Whether one of this operator's numbers can receive messages (port): it has a subscriber who has
 * not left. Barred and suspended numbers still receive: the notice that a number is barred is
 * itself an SMS.
 */
@FunctionalInterface
public interface LocalNumbers {
  /** Whether {@code msisdn} is a subscriber of this operator able to receive. */
  boolean canReceive(String msisdn);
}
