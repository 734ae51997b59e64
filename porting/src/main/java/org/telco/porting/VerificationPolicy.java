package org.telco.porting;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How the clearinghouse judges a recipient's verification request: the deposit must exist, be
 * unused and live, and match the presented result; a number with too many wrong results lately is
 * locked out before anything is compared.
 *
 * <p>Why a lockout and not only a per-request limit: each wrong result tells an attacker one
 * password guess was wrong, so without a limit per number the deposit becomes a password oracle.
 * Counting failures over a window and refusing once they reach {@code attemptsMax} bounds the
 * guesses per window, whoever sends them.
 *
 * @param attemptsMax wrong results allowed per number within {@code lockoutWindow}
 * @param lockoutWindow how far back wrong results are counted
 * @param depositLifetime how long a deposit stays good
 */
public record VerificationPolicy(
    int attemptsMax, Duration lockoutWindow, Duration depositLifetime) {
  /** Requires positive values. */
  public VerificationPolicy {
    Objects.requireNonNull(lockoutWindow, "lockoutWindow");
    Objects.requireNonNull(depositLifetime, "depositLifetime");
    if (attemptsMax < 1 || lockoutWindow.isNegative() || lockoutWindow.isZero()) {
      throw new IllegalArgumentException("at least one attempt within a positive window");
    }
    if (depositLifetime.isNegative() || depositLifetime.isZero()) {
      throw new IllegalArgumentException("a deposit lives a positive time");
    }
  }

  /** The defaults: 5 wrong results a day, deposits good for an hour. */
  public static VerificationPolicy defaults() {
    return new VerificationPolicy(5, Duration.ofHours(24), Duration.ofHours(1));
  }

  /** When a deposit made at {@code at} expires. */
  public Instant expiryOf(Instant at) {
    return at.plus(depositLifetime);
  }

  /** Where the count of recent wrong results starts, for a request at {@code now}. */
  public Instant windowStart(Instant now) {
    return now.minus(lockoutWindow);
  }

  /**
   * Judges a verification: empty when it passes, else the reason, in this order: locked out, no
   * deposit, already used, expired, wrong.
   *
   * @param deposit the number's latest deposit, if any
   * @param used whether that deposit was used by an earlier verification
   * @param recentFailures wrong results for the number since {@link #windowStart}
   */
  public Optional<PortRejection> judge(
      Optional<Deposit> deposit,
      boolean used,
      int recentFailures,
      PortingProof presented,
      Instant now) {
    if (recentFailures >= attemptsMax) {
      return Optional.of(PortRejection.LOCKED_OUT);
    }
    if (deposit.isEmpty()) {
      return Optional.of(PortRejection.NO_DEPOSIT);
    }
    if (used) {
      return Optional.of(PortRejection.PROOF_REPLAYED);
    }
    if (!deposit.get().isLiveAt(now)) {
      return Optional.of(PortRejection.DEPOSIT_EXPIRED);
    }
    if (!deposit.get().proof().matches(presented)) {
      return Optional.of(PortRejection.WRONG_PROOF);
    }
    return Optional.empty();
  }
}
