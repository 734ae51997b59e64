package org.telco.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {
  record Body(String name, Long amountFen) {}

  @Test
  void aStringFieldTakesOnlyAString() {
    assertThat(read("{\"name\":\"x\",\"amountFen\":5}")).isEqualTo(new Body("x", 5L));
    for (String wrong : new String[] {"7777", "1.5", "true"}) {
      assertThatThrownBy(() -> read("{\"name\":" + wrong + "}"))
          .isInstanceOfSatisfying(
              ProblemException.class, e -> assertThat(e.problem().field()).isEqualTo("name"));
    }
  }

  @Test
  void aNumberFieldTakesNoStringNorFraction() {
    assertThatThrownBy(() -> read("{\"amountFen\":\"5\"}")).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> read("{\"amountFen\":5.5}")).isInstanceOf(ProblemException.class);
  }

  private static Body read(String json) {
    return Json.read(json.getBytes(StandardCharsets.UTF_8), Body.class);
  }
}
