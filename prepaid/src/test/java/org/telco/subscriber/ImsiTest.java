package org.telco.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImsiTest {
  @Test
  void fiveToFifteenDigitsMakeAnImsi() {
    assertThat(new Imsi("46000").digits()).isEqualTo("46000");
    assertThat(new Imsi("460001234567890").toString()).isEqualTo("460001234567890");
    for (String bad : new String[] {"4600", "4600012345678901", "46000a", "", " 46000"}) {
      assertThatThrownBy(() -> new Imsi(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aSupiNamesAnImsiOnlyInItsImsiForm() {
    assertThat(Imsi.fromSupi("imsi-460001234567890")).contains(new Imsi("460001234567890"));
    assertThat(Imsi.fromSupi("imsi-4600")).isEmpty();
    assertThat(Imsi.fromSupi("msisdn-8613800000001")).isEmpty();
    assertThat(Imsi.fromSupi("nai-someone@example.org")).isEmpty();
    assertThat(Imsi.fromSupi(null)).isEmpty();
  }
}
