package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.storage.PostgresForTests;

/**
 * Flow F5 across a restart: a charging session created before the platform stops is updated and
 * released after it starts again, with its reservations settled once and a retransmission of the
 * last request before the restart answered from the stored session.
 */
class TrafficRestartIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String USER = "8613800009201";
  private static final long MB = 1_000_000L;
  private static final String NCHF = "/nchf-convergedcharging/v3/chargingdata";

  private PlatformSettings settings;
  private Platform platform;

  @AfterEach
  void stop() {
    if (platform != null) {
      platform.close();
    }
    if (settings != null) {
      PostgresForTests.deleteTree(settings.dataDirectory());
    }
  }

  @Test
  void aChargingSessionSurvivesARestartAndChargesEachReportOnce() throws Exception {
    settings = TestPlatform.settings(List.of("clearinghouse", "alpha"), false);
    platform = Platform.start(settings);
    OperatorCalls alpha = calls();
    alpha.subscribe(USER, "Restart-9x");
    alpha.pay("pay-restart", USER, 2_000);
    assertThat(
            post(
                    "/api/v1/traffic/purchases",
                    "{\"id\":\"r-1\",\"msisdn\":\"" + USER + "\",\"productId\":\"addon-500m\"}")
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> created =
        post(NCHF, request(0, "{\"ratingGroup\":10,\"requestedUnit\":{\"totalVolume\":20000000}}"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    String ref = location.substring(location.lastIndexOf('/') + 1);
    String update =
        request(
            1,
            "{\"ratingGroup\":10,\"requestedUnit\":{\"totalVolume\":20000000},\"usedUnitContainer\":[{\"localSequenceNumber\":1,\"totalVolume\":7000000}]}");
    HttpResponse<String> before = post(NCHF + "/" + ref + "/update", update);
    assertThat(before.statusCode()).isEqualTo(200);

    platform.close();
    platform = Platform.start(settings);

    HttpResponse<String> retransmitted = post(NCHF + "/" + ref + "/update", update);
    assertThat(retransmitted.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(retransmitted.body()).get("multipleUnitInformation"))
        .isEqualTo(JSON.readTree(before.body()).get("multipleUnitInformation"));
    HttpResponse<String> released =
        post(
            NCHF + "/" + ref + "/release",
            request(
                2,
                "{\"ratingGroup\":10,\"usedUnitContainer\":[{\"localSequenceNumber\":2,\"totalVolume\":5000000}]}"));
    assertThat(released.statusCode()).isEqualTo(204);

    JsonNode bucket = buckets().get(0);
    assertThat(bucket.get("usedBytes").asLong()).isEqualTo(12 * MB);
    assertThat(bucket.get("reservedBytes").asLong()).isZero();
    assertThat(bucket.get("availableBytes").asLong()).isEqualTo(500 * MB - 12 * MB);
  }

  private OperatorCalls calls() {
    return new OperatorCalls(url(), key(), platform.credentials().of("alpha").partnerApiKey());
  }

  private JsonNode buckets() {
    return Http.get(url() + "/api/v1/subscribers/" + USER + "/buckets", key())
        .json()
        .get("buckets");
  }

  private String url() {
    return settings.peerAddresses().get("alpha");
  }

  private String key() {
    return platform.credentials().of("alpha").adminApiKey();
  }

  private static String request(long sequence, String units) {
    return "{\"subscriberIdentifier\":\"msisdn-"
        + USER
        + "\",\"nfConsumerIdentification\":{\"nodeFunctionality\":\"SMF\"},"
        + "\"invocationTimeStamp\":\""
        + Instant.now()
        + "\",\"invocationSequenceNumber\":"
        + sequence
        + ","
        + "\"multipleUnitUsage\":["
        + units
        + "]}";
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(url() + path))
            .header("Authorization", "Bearer " + key())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
