package org.telco.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.telco.time.SimulatedClock;

class LoginThrottleTest {
  private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-22T08:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void aUserNameIsThrottledAfterTenFailuresUntilTheOldestIsAWindowOld() {
    for (int i = 0; i < LoginThrottle.USER_FAILURES_MAX; i++) {
      assertThat(throttle.allows("admin", "10.0.0." + i)).isTrue();
      throttle.failed("admin", "10.0.0." + i);
      clock.advance(Duration.ofMinutes(1));
    }
    assertThat(throttle.allows("admin", "10.0.0.99")).isFalse();
    assertThat(throttle.allows("ADMIN", "10.0.0.99")).as("names match in any case").isFalse();
    assertThat(throttle.allows("care", "10.0.0.99")).isTrue();

    clock.advance(LoginThrottle.WINDOW.minus(Duration.ofMinutes(10)));
    assertThat(throttle.allows("admin", "10.0.0.99"))
        .as("the first failure just aged out")
        .isTrue();
  }

  @Test
  void anAddressIsThrottledAfterThirtyFailuresWhateverTheNames() {
    for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES_MAX; i++) {
      assertThat(throttle.allows("user" + i, "192.0.2.7")).isTrue();
      throttle.failed("user" + i, "192.0.2.7");
    }
    assertThat(throttle.allows("someone-new", "192.0.2.7")).isFalse();
    assertThat(throttle.allows("someone-new", "192.0.2.8")).isTrue();

    clock.advance(LoginThrottle.WINDOW);
    assertThat(throttle.allows("someone-new", "192.0.2.7")).isTrue();
  }

  @Test
  void aSuccessClearsItsNamesFailuresButNotItsAddresss() {
    for (int i = 0; i < LoginThrottle.USER_FAILURES_MAX - 1; i++) {
      throttle.failed("admin", "192.0.2.7");
    }
    throttle.succeeded("admin");
    for (int i = 0; i < LoginThrottle.USER_FAILURES_MAX - 1; i++) {
      throttle.failed("admin", "192.0.2.7");
    }
    assertThat(throttle.allows("admin", "192.0.2.8")).isTrue();
    for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES_MAX - 2 * 9; i++) {
      throttle.failed("x" + i, "192.0.2.7");
    }
    assertThat(throttle.allows("care", "192.0.2.7")).isFalse();
  }

  @Test
  void manyAddressesAreRememberedWithinABound() {
    for (int i = 0; i < 20_000; i++) {
      throttle.failed("u" + (i % 5), "198.51." + (i / 256) + "." + (i % 256));
    }
    assertThat(throttle.allows("u0", "203.0.113.1")).isFalse();
    assertThat(throttle.allows("fresh", "198.51.78.31")).isTrue();
  }
}
