package org.telco.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YuanTest {
  @Test
  void fenReadAsYuanWithTwoDecimals() {
    assertThat(Yuan.of(1_234)).isEqualTo("12.34");
    assertThat(Yuan.of(5)).isEqualTo("0.05");
    assertThat(Yuan.of(0)).isEqualTo("0.00");
    assertThat(Yuan.of(-350)).isEqualTo("-3.50");
  }
}
