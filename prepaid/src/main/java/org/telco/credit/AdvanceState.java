package org.telco.credit;

/** Where an advance stands. */
public enum AdvanceState {
  /** Granted; not fully repaid, deadline not passed. */
  OUTSTANDING,
  /** Fully repaid by the deadline. */
  REPAID,
  /** The deadline passed with something still owed; the line was barred again. */
  DEFAULTED,
  /** Defaulted, then fully recovered from later top-ups. */
  RECOVERED;

  /** Whether something may still be owed on it. */
  public boolean isOpen() {
    return this == OUTSTANDING || this == DEFAULTED;
  }
}
