package org.telco.credit;

/**
 * How money is applied when a subscriber has an advance to repay: the advance first, then what is
 * due, then whatever is left stays as balance. A partial amount repays part of the advance and
 * leaves the rest owed.
 *
 * @param toAdvanceFen what goes back to the emergency-credit account
 * @param toDueFen what pays fees that are due
 */
public record TopUpSplit(long toAdvanceFen, long toDueFen) {
  /** Requires non-negative parts. */
  public TopUpSplit {
    if (toAdvanceFen < 0 || toDueFen < 0) {
      throw new IllegalArgumentException("parts must not be negative");
    }
  }

  /**
   * The split of {@code availableFen} of money.
   *
   * @param advanceOwedFen what the open advance still lacks (0 without one)
   * @param dueFen what the arrears account says is due
   */
  public static TopUpSplit of(long availableFen, long advanceOwedFen, long dueFen) {
    if (availableFen < 0 || advanceOwedFen < 0 || dueFen < 0) {
      throw new IllegalArgumentException("amounts must not be negative");
    }
    long toAdvance = Math.min(availableFen, advanceOwedFen);
    long toDue = Math.min(availableFen - toAdvance, dueFen);
    return new TopUpSplit(toAdvance, toDue);
  }
}
