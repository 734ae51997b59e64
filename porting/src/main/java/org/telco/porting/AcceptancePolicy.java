package org.telco.porting;

import java.util.Objects;

/**
 * How a recipient decides on the credit information: it takes over a number whose compensation is
 * at most its limit, and declines above it. Operators set the limit to what winning the customer is
 * worth to them; a limit of 0 takes only numbers that owe nothing.
 *
 * @param compensationLimitFen the most compensation it pays for one number
 */
public record AcceptancePolicy(long compensationLimitFen) {
  /** Requires a limit that is not negative. */
  public AcceptancePolicy {
    if (compensationLimitFen < 0) {
      throw new IllegalArgumentException("a limit is not negative: " + compensationLimitFen);
    }
  }

  /** Whether to accept the port on {@code report}. */
  public boolean accepts(CreditReport report) {
    Objects.requireNonNull(report, "report");
    return report.compensationFen() <= compensationLimitFen;
  }
}
