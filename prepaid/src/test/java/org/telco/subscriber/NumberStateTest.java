package org.telco.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberStateTest {
  @ParameterizedTest
  @CsvSource({
    "ACTIVE, NORMAL",
    "BARRED_ARREARS, RESTRICTED",
    "SUSPENDED_VOLUNTARY, RESTRICTED",
    "PORTED_OUT, UNKNOWN",
    "CLOSED, UNKNOWN"
  })
  void eachStateHasOneAnswer(SubscriberState state, NumberState expected) {
    Subscriber subscriber =
        SubscriberFixtures.subscriber("8613800000001", 0, Instant.parse("2026-01-01T00:00:00Z"))
            .withState(state);

    assertThat(NumberState.of(Optional.of(subscriber))).isEqualTo(expected);
    assertThat(NumberState.of(state)).isEqualTo(expected);
  }

  @Test
  void aNumberThatIsNotOursIsUnknown() {
    assertThat(NumberState.of(Optional.empty())).isEqualTo(NumberState.UNKNOWN);
  }
}
