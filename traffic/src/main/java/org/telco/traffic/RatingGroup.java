package org.telco.traffic;

/**
 * A rating group of 3GPP charging (TS 32.291 {@code RatingGroup}, a Uint32): the network tags each
 * application's traffic with one, so a directed bucket names the rating groups of the apps it may
 * pay for.
 *
 * @param value 0 to 4,294,967,295
 */
public record RatingGroup(long value) implements Comparable<RatingGroup> {
  /** Largest Uint32. */
  public static final long MAX = 0xFFFF_FFFFL;

  /** Checks the range. */
  public RatingGroup {
    if (value < 0 || value > MAX) {
      throw new IllegalArgumentException("a rating group is a Uint32: " + value);
    }
  }

  @Override
  public int compareTo(RatingGroup other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
