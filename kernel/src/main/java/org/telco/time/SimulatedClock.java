package org.telco.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until told to move. Demos and tests use it to play months of billing in
 * seconds; every node of an all-in-one platform shares one instance, so advancing it anywhere
 * advances it everywhere.
 *
 * <p>Time only moves forward: {@link #advance} rejects negative durations, because timers and audit
 * trails assume a monotonic clock.
 */
public final class SimulatedClock extends Clock {
  private final AtomicReference<Instant> now;

  /** A clock showing {@code start}. */
  public SimulatedClock(Instant start) {
    this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
  }

  /**
   * Moves the clock forward.
   *
   * @return the new time
   */
  public Instant advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a simulated clock only moves forward");
    }
    return now.updateAndGet(current -> current.plus(duration));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (!ZoneOffset.UTC.equals(zone)) {
      throw new UnsupportedOperationException("the simulated clock is UTC only");
    }
    return this;
  }
}
