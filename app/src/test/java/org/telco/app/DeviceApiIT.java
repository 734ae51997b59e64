package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Flow F3's device registry over real HTTP and the PostgreSQL device store: the operator registers
 * a device it sold and is shown its secret once; the device asks with that secret whether
 * number-bound payment is active and, not yet bound, gets the prompt to show. A wrong secret and an
 * unknown device get the same 401. Binding by SMS, and the bound answer, are {@code
 * DeviceBindingIT}'s.
 */
class DeviceApiIT {
  private static final AtomicLong NUMBERS = new AtomicLong(8613800007000L);
  private static final AtomicLong DEVICES = new AtomicLong(1000);
  private static final String BINDING_SHORT_CODE = "1008601"; // alpha's second short code

  private static TestPlatform platform;
  private static String base;
  private static String admin;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = TestPlatform.start();
    base = platform.url("alpha") + "/api/v1";
    admin = platform.adminKey("alpha");
  }

  @AfterAll
  static void stopPlatform() {
    platform.close();
  }

  @Test
  void aRegisteredDeviceIsShownItsSecretOnceAndAsksForItsBindingWithIt() {
    String dataSim = subscribe();
    String id = "tvbox-" + DEVICES.incrementAndGet();
    Http.Response registered = register(id, dataSim);
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    JsonNode device = registered.json();
    String canonical = id.toUpperCase(Locale.ROOT);
    assertThat(device.get("deviceId").asText()).isEqualTo(canonical);
    assertThat(device.get("dataSim").asText()).isEqualTo(dataSim);
    String secret = device.get("secret").asText();
    assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");

    Http.Response asked = binding(canonical, canonical + ":" + secret);
    assertThat(asked.status()).as(asked.body()).isEqualTo(200);
    JsonNode status = asked.json();
    assertThat(status.get("deviceId").asText()).isEqualTo(canonical);
    assertThat(status.get("bound").asBoolean()).isFalse();
    assertThat(status.has("boundAt")).isFalse();
    JsonNode prompt = status.get("prompt");
    assertThat(prompt.get("shortCode").asText()).isEqualTo(BINDING_SHORT_CODE);
    assertThat(prompt.get("text").asText()).isEqualTo("BIND " + canonical);
    assertThat(prompt.get("message").asText())
        .contains("BIND " + canonical, BINDING_SHORT_CODE, "发送短信", "text BIND");
    assertThat(asked.body()).doesNotContain(dataSim);
  }

  @Test
  void aTakenIdIsRefusedAndTheFirstDeviceKeepsItsSecret() {
    String id = "TVBOX-" + DEVICES.incrementAndGet();
    String first = register(id, subscribe()).json().get("secret").asText();
    Http.Response again = register(id.toLowerCase(Locale.ROOT), subscribe());
    assertThat(again.status()).as(again.body()).isEqualTo(409);
    assertThat(again.json().get("code").asText()).isEqualTo("device-id-taken");
    assertThat(binding(id, id + ":" + first).status()).isEqualTo(200);
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndNothingIsRegistered() {
    String dataSim = subscribe();
    assertProblem(register("-TVBOX", dataSim), 400, "deviceId");
    assertProblem(register("TV", dataSim), 400, "deviceId");
    assertProblem(register("TVBOX-ÄÖ", dataSim), 400, "deviceId");
    assertProblem(post("{\"dataSim\":\"" + dataSim + "\"}", admin), 400, "deviceId");
    assertProblem(register("TVBOX-" + DEVICES.incrementAndGet(), "+8613800000001"), 400, "dataSim");
    assertProblem(post("{\"deviceId\":\"TVBOX-7777\"}", admin), 400, "dataSim");

    String id = "TVBOX-" + DEVICES.incrementAndGet();
    Http.Response stranger = register(id, "8613800009999");
    assertProblem(stranger, 422, "dataSim");
    assertThat(stranger.json().get("code").asText()).isEqualTo("data-sim-not-subscriber");
    assertThat(register(id, dataSim).status()).as("the refused id stays free").isEqualTo(201);
  }

  @Test
  void onlyAnAdminRegistersDevices() {
    String body = "{\"deviceId\":\"TVBOX-8888\",\"dataSim\":\"" + subscribe() + "\"}";
    assertThat(post(body, null).status()).isEqualTo(401);
    assertThat(post(body, platform.partnerKey("alpha")).status()).isEqualTo(403);
  }

  @Test
  void aWrongSecretAndAnUnknownDeviceGetTheSameAnswer() {
    String id = "TVBOX-" + DEVICES.incrementAndGet();
    String secret = register(id, subscribe()).json().get("secret").asText();
    String unknown = "TVBOX-" + DEVICES.incrementAndGet();

    Http.Response wrong = binding(id, id + ":" + secret.substring(1) + "A");
    Http.Response stranger = binding(unknown, unknown + ":" + secret);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(stranger.status()).isEqualTo(401);
    assertThat(stranger.body()).isEqualTo(wrong.body());
    assertThat(stranger.contentType()).startsWith("application/problem+json");

    String other = "TVBOX-" + DEVICES.incrementAndGet();
    register(other, subscribe());
    assertThat(binding(other, id + ":" + secret).status())
        .as("another device's credential")
        .isEqualTo(401);
    assertThat(binding(id, secret).status()).as("no device id").isEqualTo(401);
    assertThat(Http.getWith(base + "/devices/" + id + "/binding", Map.of()).status())
        .as("no credential")
        .isEqualTo(401);
    assertThat(Http.get(base + "/devices/" + id + "/binding", admin).status())
        .as("an admin key is not a device credential")
        .isEqualTo(401);
  }

  private static void assertProblem(Http.Response response, int status, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("field").asText()).isEqualTo(field);
  }

  private static Http.Response register(String deviceId, String dataSim) {
    return post("{\"deviceId\":\"" + deviceId + "\",\"dataSim\":\"" + dataSim + "\"}", admin);
  }

  private static Http.Response post(String json, String key) {
    return Http.post(base + "/devices", key, json);
  }

  private static Http.Response binding(String deviceId, String credentials) {
    return Http.getWith(
        base + "/devices/" + deviceId + "/binding",
        Map.of("Authorization", "Device " + credentials));
  }

  private static String subscribe() {
    String msisdn = Long.toString(NUMBERS.incrementAndGet());
    Http.Response created =
        Http.post(
            base + "/subscribers",
            admin,
            "{\"msisdn\":\""
                + msisdn
                + "\",\"planId\":\"standard\",\"servicePassword\":\"Kx7-pw19q\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return msisdn;
  }
}
