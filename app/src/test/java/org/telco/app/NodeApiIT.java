package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What every node serves about itself, over real HTTP, through the wiring of {@code serve}. */
class NodeApiIT {
  private static TestPlatform platform;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = TestPlatform.start();
  }

  @AfterAll
  static void stopPlatform() {
    platform.close();
  }

  @Test
  void everyNodeReportsHealthWithoutAKey() {
    for (String node : platform.urls.keySet()) {
      Http.Response health = Http.get(platform.url(node) + "/health", null);

      assertThat(health.status()).isEqualTo(200);
      assertThat(health.json().get("node").asText()).isEqualTo(node);
      assertThat(health.json().get("database").asText()).isEqualTo("UP");
    }
  }

  @Test
  void openApiDocumentIsServed() {
    Http.Response document = Http.get(platform.url("alpha") + "/openapi.yaml", null);

    assertThat(document.status()).isEqualTo(200);
    assertThat(document.body())
        .startsWith("openapi: 3.0.3")
        .contains("/api/v1/admin/ledger/transfers")
        .contains("/api/v1/traffic/purchases")
        .contains("/nchf-convergedcharging/v3/chargingdata");
  }

  @Test
  void metricsNeedTheAdminKey() {
    String metrics = platform.url("alpha") + "/metrics";

    assertThat(Http.get(metrics, null).status()).isEqualTo(401);
    assertThat(Http.get(metrics, platform.partnerKey("alpha")).status()).isEqualTo(403);
    Http.Response scraped = Http.get(metrics, platform.adminKey("alpha"));
    assertThat(scraped.status()).isEqualTo(200);
    assertThat(scraped.body()).contains("telco_ledger_transfers_committed");
  }

  @Test
  void unauthenticatedCallGetsProblemJson() {
    Http.Response denied =
        Http.get(platform.url("alpha") + "/api/v1/admin/ledger/accounts/1", null);

    assertThat(denied.status()).isEqualTo(401);
    assertThat(denied.contentType()).isEqualTo("application/problem+json");
    assertThat(denied.json().get("code").asText()).isEqualTo("unauthenticated");
  }

  @Test
  void oneNodesKeyDoesNotOpenAnother() {
    Http.Response denied =
        Http.get(
            platform.url("clearinghouse") + "/api/v1/admin/ledger/accounts/1",
            platform.adminKey("alpha"));

    assertThat(denied.status()).isEqualTo(403);
  }

  @Test
  void unknownPathIsAProblem() {
    Http.Response missing = Http.get(platform.url("alpha") + "/no/such/thing", null);

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("code").asText()).isEqualTo("not-found");
  }

  @Test
  void simulatedClockAdvancesOnEveryNodeAtOnce() {
    String before =
        Http.get(
                platform.url("clearinghouse") + "/api/v1/admin/clock",
                platform.adminKey("clearinghouse"))
            .json()
            .get("now")
            .asText();

    Http.Response advanced =
        Http.post(
            platform.url("alpha") + "/api/v1/admin/clock/advance",
            platform.adminKey("alpha"),
            "{\"seconds\": 3600}");

    assertThat(advanced.status()).isEqualTo(200);
    String after =
        Http.get(
                platform.url("clearinghouse") + "/api/v1/admin/clock",
                platform.adminKey("clearinghouse"))
            .json()
            .get("now")
            .asText();
    assertThat(
            java.time.Duration.between(
                java.time.Instant.parse(before), java.time.Instant.parse(after)))
        .isEqualTo(java.time.Duration.ofHours(1));
  }

  @Test
  void clockCannotGoBackwards() {
    Http.Response refused =
        Http.post(
            platform.url("alpha") + "/api/v1/admin/clock/advance",
            platform.adminKey("alpha"),
            "{\"seconds\": -5}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("field").asText()).isEqualTo("seconds");
  }
}
