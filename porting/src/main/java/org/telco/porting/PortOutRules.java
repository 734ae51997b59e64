package org.telco.porting;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.telco.subscriber.Subscriber;

/**
 * The donor's checks before it authorises a port out (deposits its result) and again when it
 * answers the credit query: the number must be its subscriber and still in service (ported-out and
 * closed numbers are not; barred and suspended ones are, since arrears are what compensation is
 * for), with no porting lock and no SIM swap within the window.
 *
 * <p>Why a SIM-swap window: the usual way to steal a number is to talk a shop into a new SIM and
 * then port the number away before the owner notices; refusing ports for a while after a swap gives
 * the owner that time.
 *
 * @param simSwapWindow how long after a SIM swap a port is refused
 */
public record PortOutRules(Duration simSwapWindow) {
  /** Requires a window that is not negative. */
  public PortOutRules {
    Objects.requireNonNull(simSwapWindow, "simSwapWindow");
    if (simSwapWindow.isNegative()) {
      throw new IllegalArgumentException("a window is not negative");
    }
  }

  /** The default: seven days, long enough for an owner to notice a SIM that stopped working. */
  public static PortOutRules defaults() {
    return new PortOutRules(Duration.ofDays(7));
  }

  /** Why the number may not port out at {@code now}; empty when it may. */
  public Optional<PortRejection> check(
      Optional<Subscriber> subscriber, PortingHold hold, Instant now) {
    if (subscriber.isEmpty() || !subscriber.get().state().inService()) {
      return Optional.of(PortRejection.UNKNOWN_NUMBER);
    }
    if (!subscriber.get().msisdn().equals(hold.msisdn())) {
      throw new IllegalArgumentException("the hold is of another number");
    }
    if (hold.locked()) {
      return Optional.of(PortRejection.PORTING_LOCK);
    }
    if (hold.simSwappedAt() != null && now.isBefore(hold.simSwappedAt().plus(simSwapWindow))) {
      return Optional.of(PortRejection.RECENT_SIM_SWAP);
    }
    return Optional.empty();
  }
}
