package org.telco.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordServicesTest {
  private final KeywordServices services = new KeywordServices();

  @Test
  void theFirstWordChoosesTheServiceWhateverItsCase() {
    services.register("YE", m -> List.of("balance"));
    services.register("BIND", m -> List.of("bound " + m.text().substring(5)));

    assertThat(services.answer(text(" ye "))).containsExactly("balance");
    assertThat(services.answer(text("bind TVBOX-1"))).containsExactly("bound TVBOX-1");
    assertThat(services.answer(text("HELP"))).singleElement().asString().contains("BIND, YE");
  }

  private static ShortMessage text(String text) {
    return new ShortMessage(
        "m",
        new Origin.Handset("8613800000001"),
        "8613800000001",
        "10086",
        text,
        false,
        Instant.EPOCH);
  }
}
