package org.telco.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkCommandTest {
  @ParameterizedTest
  @ValueSource(strings = {"12345678", "8613800000001", "123456789012345"})
  void msisdnOfEightToFifteenDigitsIsAccepted(String msisdn) {
    assertThat(new NetworkCommand.Unbar("u:1", msisdn).msisdn()).isEqualTo(msisdn);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1234567", "1234567890123456", "+8613800000001", "86138 0000001"})
  void msisdnOfAnyOtherShapeIsRejected(String msisdn) {
    assertThatThrownBy(() -> new NetworkCommand.Bar("b:1", msisdn, "unpaid-fee"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("msisdn");
    assertThatThrownBy(() -> new NetworkCommand.TerminateDataSessions("t:1", msisdn))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void blankCommandIdOrBarReasonIsRejected() {
    assertThatThrownBy(() -> new NetworkCommand.Unbar(" ", "8613800000001"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NetworkCommand.Bar("b:1", "8613800000001", ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void appliedCommandMustNameItsOwnLine() {
    NetworkCommand bar = new NetworkCommand.Bar("b:1", "8613800000001", "unpaid-fee");
    Instant at = Instant.parse("2026-01-01T00:00:00Z");

    assertThatThrownBy(
            () -> new AppliedCommand(bar, at, new LineStatus("8613800000002", true, 0, "b:1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new AppliedCommand(bar, at, new LineStatus("8613800000001", true, 0, "b:0")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lineCannotHaveNegativeSessions() {
    assertThatThrownBy(() -> new LineStatus("8613800000001", false, -1, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
