package org.telco.sms;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether one of this operator's numbers can receive messages (port): it has a subscriber who has
 * not left. Barred and suspended numbers still receive: the notice that a number is barred is
 * itself an SMS.
 */
@FunctionalInterface
public interface LocalNumbers {
  /** Whether {@code msisdn} is a subscriber of this operator able to receive. */
  boolean canReceive(String msisdn);

  /**
   * Those of {@code msisdns} that {@link #canReceive}; the dispatcher asks once per batch, so an
   * implementation over a database should answer in one query.
   */
  default Set<String> receiving(Collection<String> msisdns) {
    Set<String> receiving = new HashSet<>();
    for (String msisdn : msisdns) {
      if (canReceive(msisdn)) {
        receiving.add(msisdn);
      }
    }
    return receiving;
  }
}
