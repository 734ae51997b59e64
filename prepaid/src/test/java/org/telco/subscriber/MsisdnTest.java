package org.telco.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MsisdnTest {
  @ParameterizedTest
  @ValueSource(strings = {"12345678", "8613800000001", "123456789012345"})
  void internationalDigitStringsOfEightToFifteenDigitsAreNumbers(String digits) {
    assertThat(new Msisdn(digits).digits()).isEqualTo(digits);
    assertThat(Msisdn.isWellFormed(digits)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1234567",
        "1234567890123456",
        "+8613800000001",
        "86 138 0000 0001",
        "861380000000a",
        "013800000001",
        "８６１３８００００００１"
      })
  void anythingElseIsRejectedWhereTheValueIsBuilt(String text) {
    assertThat(Msisdn.isWellFormed(text)).isFalse();
    assertThatThrownBy(() -> new Msisdn(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("msisdn");
  }

  @Test
  void numbersCompareByTheirDigits() {
    assertThat(new Msisdn("8613800000002")).isGreaterThan(new Msisdn("8613800000001"));
    assertThat(new Msisdn("8613800000001").toString()).isEqualTo("8613800000001");
  }
}
