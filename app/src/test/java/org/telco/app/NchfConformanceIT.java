package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telco.app.nchf.ChargingDataRequest;
import org.telco.app.nchf.NchfExamples;
import org.telco.app.nchf.NchfSchemas;

/**
 * Requests built from the Rel-17 YAML's schemas are accepted: each request an SMF would send
 * (create with empty requested units, updates with used-unit containers and triggers, a release
 * with final usage) is first checked against {@code ChargingDataRequest} of
 * TS32291_Nchf_ConvergedCharging.yaml, then sent to an operator node, and each answer is checked
 * against {@code ChargingDataResponse} or the TS 29.571 {@code ProblemDetails}.
 */
class NchfConformanceIT {
  private static final String USER = "8613800009301";
  private static final String GPSI = "msisdn-" + USER;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private static TestPlatform platform;
  private static String nchf;
  private static String admin;

  @BeforeAll
  static void start() {
    try {
      platform = TestPlatform.start();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    nchf = platform.url("alpha") + "/nchf-convergedcharging/v3/chargingdata";
    admin = platform.adminKey("alpha");
    OperatorCalls alpha = OperatorCalls.of(platform, "alpha");
    alpha.subscribe(USER, "Spec-2026x");
    alpha.pay("spec-pay", USER, 3_000);
    Http.Response bought =
        Http.post(
            platform.url("alpha") + "/api/v1/traffic/purchases",
            admin,
            "{\"id\":\"spec-1\",\"msisdn\":\"" + USER + "\",\"productId\":\"video-3g\"}");
    assertThat(bought.status()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void aSessionOfSchemaValidRequestsIsAcceptedAndAnsweredInTheSpecsShape() throws Exception {
    HttpResponse<String> created = send("", NchfExamples.create(GPSI, 10, 1001));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(NchfSchemas.validate("ChargingDataResponse", created.body())).isEmpty();
    Map<Long, NchfExamples.Grant> grants = NchfExamples.grants(bytes(created));
    assertThat(grants.get(1001L).granted()).isTrue();
    assertThat(grants.get(10L).resultCode())
        .as("no bucket pays for the web, money does")
        .isEqualTo("SUCCESS");
    String location = created.headers().firstValue("Location").orElseThrow();
    String ref = location.substring(location.lastIndexOf('/'));

    HttpResponse<String> updated =
        send(
            ref + "/update",
            NchfExamples.update(GPSI, 1, Map.of(10L, 1_000_000L, 1001L, 5_000_000L)));
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(NchfSchemas.validate("ChargingDataResponse", updated.body())).isEmpty();

    HttpResponse<String> released =
        send(
            ref + "/release",
            NchfExamples.release(GPSI, 2, Map.of(10L, 500_000L, 1001L, 2_000_000L)));
    assertThat(released.statusCode()).isEqualTo(204);
  }

  @Test
  void errorsAreProblemDetailsOfTheCommonData() throws Exception {
    HttpResponse<String> unknown = send("", NchfExamples.create("msisdn-8613899990000", 10));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(NchfSchemas.validate("TS29571_CommonData.yaml#ProblemDetails", unknown.body()))
        .isEmpty();

    HttpResponse<String> noSession =
        send("/0123456789abcdef/update", NchfExamples.update(GPSI, 1, Map.of()));
    assertThat(noSession.statusCode()).isEqualTo(404);
    assertThat(NchfSchemas.validate("TS29571_CommonData.yaml#ProblemDetails", noSession.body()))
        .isEmpty();
  }

  private static HttpResponse<String> send(String path, ChargingDataRequest request)
      throws Exception {
    byte[] body = NchfExamples.json(request);
    assertThat(
            NchfSchemas.validate("ChargingDataRequest", new String(body, StandardCharsets.UTF_8)))
        .as("the request conforms to the YAML")
        .isEmpty();
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(nchf + path))
            .header("Authorization", "Bearer " + admin)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] bytes(HttpResponse<String> response) {
    return response.body().getBytes(StandardCharsets.UTF_8);
  }
}
