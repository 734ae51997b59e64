package org.telco.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "482915",
        "135790",
        "k9-Lotus",
        "aaaaab",
        "123457",
        "1234567890123456789012345678901x"
      })
  void reasonablePasswordsPass(String password) {
    assertThat(PasswordPolicy.check(password.toCharArray())).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "'', TOO_SHORT",
    "48291, TOO_SHORT",
    "11111, TOO_SHORT",
    "123456789012345678901234567890123, TOO_LONG",
    "888888, ALL_SAME_CHARACTER",
    "000000000, ALL_SAME_CHARACTER",
    "123456, SEQUENTIAL_RUN",
    "987654, SEQUENTIAL_RUN",
    "345678901, SEQUENTIAL_RUN",
    "890123, SEQUENTIAL_RUN",
    "210987, SEQUENTIAL_RUN",
    "abcdefg, SEQUENTIAL_RUN"
  })
  void weakPasswordsGetTheFirstRuleTheyBreak(String password, PasswordRejection expected) {
    assertThat(PasswordPolicy.check(password.toCharArray())).isEqualTo(Optional.of(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"48291\n5", "\u0000123456", "48291\u007f5"})
  void controlCharactersAreRefused(String password) {
    assertThat(PasswordPolicy.check(password.toCharArray()))
        .contains(PasswordRejection.CONTROL_CHARACTER);
  }
}
