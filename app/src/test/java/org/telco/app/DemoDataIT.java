package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telco.storage.PostgresForTests;

/**
 * Demo data (issue 3, item 10): a platform started with it has the demo subscribers, active and
 * topped up, and a restart over the same databases seeds nothing twice.
 */
class DemoDataIT {
  private static final String DEMO = "8613800001001";

  @Test
  void demoSubscribersAreSeededOnceAcrossRestarts() throws Exception {
    PlatformSettings settings = TestPlatform.settings(List.of("alpha"), true);
    String base = settings.peerAddresses().get("alpha") + "/api/v1";
    String history;
    try (Platform first = Platform.start(settings)) {
      String admin = first.credentials().of("alpha").adminApiKey();
      JsonNode subscriber = Http.get(base + "/subscribers/" + DEMO, admin).json();
      assertThat(subscriber.get("status").asText()).isEqualTo("ACTIVE");
      assertThat(subscriber.get("planId").asText()).isEqualTo("basic");
      assertThat(subscriber.get("balanceFen").asLong()).isEqualTo(5_000);
      assertThat(Http.get(base + "/subscribers/8613800001005", admin).status()).isEqualTo(200);
      history = Http.get(base + "/subscribers/" + DEMO + "/history", admin).body();
    }
    try (Platform second = Platform.start(settings)) {
      String admin = second.credentials().of("alpha").adminApiKey();
      JsonNode subscriber = Http.get(base + "/subscribers/" + DEMO, admin).json();
      assertThat(subscriber.get("balanceFen").asLong()).isEqualTo(5_000);
      assertThat(Http.get(base + "/subscribers/" + DEMO + "/history", admin).body())
          .isEqualTo(history);
      JsonNode payment = Http.get(base + "/payments/demo-topup-" + DEMO, admin).json();
      assertThat(payment.get("amountFen").asLong()).isEqualTo(5_000);
    } finally {
      PostgresForTests.deleteTree(settings.dataDirectory());
    }
  }
}
