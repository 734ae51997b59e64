package org.telco.porting;

import java.util.Objects;

/**
 * A deposit as the clearinghouse holds it: the deposit, and whether a verification used it.
 *
 * @param deposit the donor's deposit
 * @param used whether a verification matched it (a deposit is good once)
 */
public record StoredDeposit(Deposit deposit, boolean used) {
  /** Requires the deposit. */
  public StoredDeposit {
    Objects.requireNonNull(deposit, "deposit");
  }
}
