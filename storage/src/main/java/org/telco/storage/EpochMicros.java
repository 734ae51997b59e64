package org.telco.storage;

import java.time.Instant;

/**
 * Instants as microseconds since 1970, the resolution of PostgreSQL's {@code timestamptz}.
 *
 * <p>Stores bind whole arrays of timestamps this way ({@code bigint[]}), which is far cheaper than
 * formatting and parsing text, and turn them back into timestamps in SQL with {@code timestamptz
 * 'epoch' + micros * interval '1 microsecond'} (exact, no floating point). Finer digits are
 * dropped, as PostgreSQL would drop them anyway.
 */
public final class EpochMicros {
  private EpochMicros() {}

  /** Microseconds since 1970 of {@code instant}, rounded towards the past. */
  public static long of(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }
}
