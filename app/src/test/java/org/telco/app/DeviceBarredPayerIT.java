package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telco.app.tvbox.DeviceAgent;
import org.telco.app.tvbox.DeviceFlash;
import org.telco.device.BindingRefusal;

/**
 * A payer barred for its fee (flow F3 over the prepaid lifecycle, on its own platform because it
 * moves the simulated clock): its box's purchases are refused and nothing is charged, a retry of
 * what it bought before is still answered charged, and a BIND it texts for another box is refused
 * by SMS with the reason, leaving that box unbound.
 */
class DeviceBarredPayerIT {
  private static final String PASSWORD = "Kx7-pw19q";

  @TempDir static Path flashes;

  private static TestPlatform platform;
  private static String base;
  private static String admin;
  private static OperatorCalls alpha;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = TestPlatform.start();
    base = platform.url("alpha") + "/api/v1";
    admin = platform.adminKey("alpha");
    alpha = OperatorCalls.of(platform, "alpha");
  }

  @AfterAll
  static void stopPlatform() {
    platform.close();
  }

  @Test
  void aBarredPayerCanNeitherBuyNorBind() throws Exception {
    String dataSim = alpha.subscribe("8613800009501", PASSWORD);
    String otherSim = alpha.subscribe("8613800009502", PASSWORD);
    String phone = alpha.subscribe("8613800009503", PASSWORD);
    alpha.pay("barred-1", phone, 500);
    DeviceAgent box = register("TVBOX-9501", dataSim);
    DeviceAgent other = register("TVBOX-9502", otherSim);
    DeviceAgent.Status prompt = box.status();
    alpha.text(phone, prompt.shortCode(), prompt.text());
    assertThat(box.boot(Duration.ofSeconds(20), line -> {})).isEqualTo(DeviceAgent.Boot.BOUND);
    assertThat(box.buy("film-1", "Film: Hero", 200).status()).isEqualTo(201);

    moveTo(Instant.parse(subscriber(phone).get("nextCycleAt").asText()));
    assertThat(subscriber(phone).get("status").asText()).isEqualTo("BARRED_ARREARS");
    long balance = subscriber(phone).get("balanceFen").asLong();

    DeviceAgent.Purchase refused = box.buy("film-2", "Film: Hero II", 100);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.problem()).isEqualTo("payer-not-in-service");
    assertThat(box.buy("film-1", "Film: Hero", 200).status()).isEqualTo(200);
    assertThat(subscriber(phone).get("balanceFen").asLong()).isEqualTo(balance);

    alpha.text(phone, prompt.shortCode(), "BIND TVBOX-9502");
    assertThat(alpha.awaitText(phone, BindingRefusal.PAYER_NOT_IN_SERVICE.reply()::equals))
        .isTrue();
    assertThat(other.status().bound()).isFalse();
    JsonNode device = Http.get(base + "/devices/TVBOX-9502", admin).json();
    assertThat(device.has("binding")).isFalse();
  }

  private static DeviceAgent register(String id, String dataSim) throws Exception {
    Http.Response registered =
        Http.post(
            base + "/devices",
            admin,
            "{\"deviceId\":\"" + id + "\",\"dataSim\":\"" + dataSim + "\"}");
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    Path flash = DeviceFlash.file(flashes, id);
    new DeviceFlash(
            id,
            platform.url("alpha"),
            "alpha",
            dataSim,
            registered.json().get("secret").asText(),
            null)
        .write(flash);
    return new DeviceAgent(flash, platform.partnerKey("alpha"));
  }

  private static JsonNode subscriber(String msisdn) {
    return alpha.subscriber(msisdn);
  }

  private static void moveTo(Instant target) {
    Instant now = Instant.parse(Http.get(base + "/admin/clock", admin).json().get("now").asText());
    long seconds = Duration.between(now, target).toSeconds();
    Http.Response moved =
        Http.post(base + "/admin/clock/advance", admin, "{\"seconds\":" + seconds + "}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
  }
}
