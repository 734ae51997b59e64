package org.telco.charging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.telco.subscriber.Msisdn;

/** The rules a session keeps itself; its table no longer checks them again (V025). */
class ChargingSessionTest {
  private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

  @Test
  void aNegativeFamilyIsRefused() {
    assertThatThrownBy(() -> session(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("family");
  }

  @Test
  void familyZeroIsAFamily() {
    assertThat(session(0).family()).isZero();
  }

  private static ChargingSession session(long family) {
    return new ChargingSession(
        new ChargingRef("ref-0001"),
        new Msisdn("8613800000001"),
        family,
        null,
        SessionState.OPEN,
        -1,
        "",
        Map.of(),
        T0,
        T0);
  }
}
