package org.telco.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void standsStillUntilAdvanced() {
    SimulatedClock clock = new SimulatedClock(START);

    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.advance(Duration.ofDays(31))).isEqualTo(START.plus(Duration.ofDays(31)));
    assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofDays(31)));
  }

  @Test
  void neverMovesBackwards() {
    SimulatedClock clock = new SimulatedClock(START);

    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(clock.instant()).isEqualTo(START);
  }
}
