package org.telco.porting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telco.subscriber.Msisdn;

/** What every {@link PortingHolds} does. */
public abstract class PortingHoldsContract {
  private static final Msisdn NUMBER = new Msisdn("8613800000001");
  private static final Instant T0 = Instant.parse("2026-05-01T02:00:00Z");

  private PortingHolds holds;

  /** A new, empty store. */
  protected abstract PortingHolds newHolds();

  @BeforeEach
  void open() {
    holds = newHolds();
  }

  @Test
  void aNumberWithoutAHoldHasNoneAndTheLatestHoldWins() {
    assertThat(holds.find(NUMBER)).isEmpty();
    assertThat(holds.of(NUMBER)).isEqualTo(PortingHold.none(NUMBER));

    PortingHold locked = new PortingHold(NUMBER, true, T0, T0.plusSeconds(86_400), 5_000);
    holds.put(locked);
    assertThat(holds.of(NUMBER)).isEqualTo(locked);

    PortingHold lifted = new PortingHold(NUMBER, false, T0, null, 0);
    holds.put(lifted);
    assertThat(holds.of(NUMBER)).isEqualTo(lifted);
    assertThat(holds.of(new Msisdn("8613800000002")).locked()).isFalse();
  }
}
