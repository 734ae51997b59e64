package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telco.app.tvbox.DeviceAgent;
import org.telco.app.tvbox.DeviceFlash;
import org.telco.device.BindingReplies;
import org.telco.device.DeviceId;

/**
 * Flow F3 end to end, as issue 7 tells it, over real HTTP, the SMS centre, the ledger and
 * PostgreSQL, with the device played by {@link DeviceAgent} from outside: boot (not bound, prompt
 * shown), the phone texts the prompt, the activation SMS reaches the device and the confirmation
 * the phone, the device is bound, a purchase is charged to the phone's balance once however often
 * it is sent, an over-cap purchase is refused, the phone unbinds, and neither the device nor a copy
 * of its old token can charge any more.
 */
class DeviceJourneyIT {
  private static final AtomicLong NUMBERS = new AtomicLong(8613800009000L);
  private static final AtomicLong DEVICES = new AtomicLong(3000);

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
  void bootBindBuyOverTheCapUnbindAndTheOldTokenChargesNothing() throws Exception {
    String dataSim = subscribe();
    String phone = subscribe();
    alpha.pay("journey-1", phone, 5_000);
    String id = "TVBOX-" + DEVICES.incrementAndGet();
    DeviceAgent agent = agentFor(id, dataSim);

    List<String> screen = new CopyOnWriteArrayList<>();
    CompletableFuture<DeviceAgent.Boot> boot = bootInBackground(agent, screen);
    DeviceAgent.Status prompt = agent.status();
    assertThat(prompt.bound()).isFalse();
    assertThat(prompt.text()).isEqualTo("BIND " + id);
    assertThat(awaitLine(screen, "SMS: BIND " + id)).isTrue();
    alpha.text(phone, prompt.shortCode(), prompt.text());

    assertThat(boot.get(40, TimeUnit.SECONDS)).isEqualTo(DeviceAgent.Boot.BOUND);
    assertThat(agent.flash().token()).matches("[A-Za-z0-9_-]{43}");
    assertThat(Files.readString(DeviceFlash.file(flashes, id))).doesNotContain(phone);
    assertThat(alpha.awaitText(phone, text -> text.equals(BindingReplies.bound(new DeviceId(id)))))
        .isTrue();
    assertThat(agent.status().bound()).isTrue();

    long before = balance(phone);
    DeviceAgent.Purchase film = agent.buy("film-1", "Film: Hero", 1_200);
    assertThat(film.status()).as(film.body().toString()).isEqualTo(201);
    assertThat(film.body().get("monthSpentFen").asLong()).isEqualTo(1_200);
    assertThat(film.body().toString()).doesNotContain(phone);
    assertThat(balance(phone)).isEqualTo(before - 1_200);
    assertThat(agent.buy("film-1", "Film: Hero", 1_200).status()).isEqualTo(200);
    assertThat(balance(phone)).isEqualTo(before - 1_200);

    DeviceAgent.Purchase pass = agent.buy("pass-1", "Season pass", 19_000);
    assertThat(pass.status()).isEqualTo(403);
    assertThat(pass.problem()).isEqualTo("over-monthly-cap");
    assertThat(balance(phone)).isEqualTo(before - 1_200);

    String copiedToken = agent.flash().token();
    alpha.text(phone, prompt.shortCode(), "UNBIND " + id);
    assertThat(alpha.awaitText(dataSim, text -> text.contains("ended on " + id))).isTrue();
    DeviceAgent.Purchase afterUnbind = agent.buy("film-2", "Film: Hero II", 100);
    assertThat(afterUnbind.problem()).isEqualTo("not-bound");
    assertThat(agent.flash().hasToken()).isFalse();
    Http.Response stolen = buyWith(id, agent.flash().secret(), copiedToken, "film-3", 100);
    assertThat(stolen.status()).as(stolen.body()).isEqualTo(403);
    assertThat(stolen.json().get("code").asText()).isEqualTo("not-bound");
    assertThat(balance(phone)).isEqualTo(before - 1_200);
  }

  @Test
  void aPayerShortOfMoneyIsDeclinedWithNothingCharged() throws Exception {
    String dataSim = subscribe();
    String phone = subscribe();
    alpha.pay("journey-2", phone, 500);
    String id = "TVBOX-" + DEVICES.incrementAndGet();
    DeviceAgent agent = bound(id, dataSim, phone);
    long before = balance(phone);

    DeviceAgent.Purchase tooDear = agent.buy("film-1", "Film: Hero", before + 1);
    assertThat(tooDear.status()).as(tooDear.body().toString()).isEqualTo(402);
    assertThat(tooDear.problem()).isEqualTo("balance-too-low");
    alpha.pay("journey-3", phone, 5_000);
    assertThat(agent.buy("film-1", "Film: Hero", before + 1).status()).isEqualTo(402);
    assertThat(balance(phone)).isEqualTo(before + 5_000);
    DeviceAgent.Purchase next = agent.buy("film-2", "Film: Hero", before + 1);
    assertThat(next.status()).isEqualTo(201);
    assertThat(next.body().get("monthSpentFen").asLong()).isEqualTo(before + 1);
  }

  @Test
  void aNewBindFromThePayerReissuesTheTokenAndTheBoxPicksItUp() throws Exception {
    String dataSim = subscribe();
    String phone = subscribe();
    alpha.pay("journey-5", phone, 2_000);
    String id = "TVBOX-" + DEVICES.incrementAndGet();
    DeviceAgent agent = bound(id, dataSim, phone);
    String oldToken = agent.flash().token();
    String code =
        org.telco.subscriber.OperatorProfiles.allInOne().operators().stream()
            .filter(o -> o.id().value().equals("alpha"))
            .findFirst()
            .orElseThrow()
            .shortCodes()
            .get(1);

    alpha.text(phone, code, "BIND " + id);
    assertThat(alpha.awaitText(dataSim, text -> activations(dataSim) == 2)).isTrue();

    Http.Response withOld = buyWith(id, agent.flash().secret(), oldToken, "old-1", 100);
    assertThat(withOld.json().get("code").asText()).isEqualTo("binding-token-invalid");
    DeviceAgent.Purchase film = agent.buy("film-1", "Film: Hero", 100);
    assertThat(film.status())
        .as(film.body() + " " + Http.get(base + "/handsets/" + dataSim + "/inbox", admin).body())
        .isEqualTo(201);
    assertThat(agent.flash().token()).isNotEqualTo(oldToken);
  }

  @Test
  void customerCareUnbindsByApiAndBothEndsAreTold() throws Exception {
    String dataSim = subscribe();
    String phone = subscribe();
    String id = "TVBOX-" + DEVICES.incrementAndGet();
    bound(id, dataSim, phone);

    JsonNode device = Http.get(base + "/devices/" + id, admin).json();
    assertThat(device.get("binding").get("payer").asText()).isEqualTo(phone);
    assertThat(device.get("binding").get("consent").get("text").asText()).isEqualTo("BIND " + id);

    Http.Response ended = Http.delete(base + "/devices/" + id + "/binding", admin);
    assertThat(ended.status()).as(ended.body()).isEqualTo(200);
    assertThat(ended.json().get("unboundBy").asText()).isEqualTo("API");
    assertThat(ended.json().get("consent").get("from").asText()).isEqualTo(phone);
    assertThat(alpha.awaitText(dataSim, text -> text.contains("ended on " + id))).isTrue();
    assertThat(
            alpha.awaitText(phone, text -> text.equals(BindingReplies.unbound(new DeviceId(id)))))
        .isTrue();
    assertThat(Http.get(base + "/devices/" + id, admin).json().has("binding")).isFalse();
    assertThat(Http.delete(base + "/devices/" + id + "/binding", admin).status()).isEqualTo(404);
    assertThat(
            Http.delete(base + "/devices/" + id + "/binding", platform.partnerKey("alpha"))
                .status())
        .isEqualTo(403);
  }

  @Test
  void aPurchaseNeedsTheDevicesSecretItsTokenAndAWellFormedBody() throws Exception {
    String dataSim = subscribe();
    String phone = subscribe();
    alpha.pay("journey-4", phone, 1_000);
    String id = "TVBOX-" + DEVICES.incrementAndGet();
    DeviceAgent agent = bound(id, dataSim, phone);
    String secret = agent.flash().secret();
    String token = agent.flash().token();

    assertThat(buyWith(id, "wrong", token, "p-1", 100).status()).isEqualTo(401);
    Http.Response noToken = buyWith(id, secret, null, "p-1", 100);
    assertThat(noToken.status()).isEqualTo(401);
    assertThat(noToken.json().get("code").asText()).isEqualTo("binding-token-missing");
    Http.Response forged = buyWith(id, secret, token + "x", "p-1", 100);
    assertThat(forged.json().get("code").asText()).isEqualTo("binding-token-invalid");
    Http.Response badId = buyWith(id, secret, token, "no spaces", 100);
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.json().get("field").asText()).isEqualTo("id");
    Http.Response badAmount = buyWith(id, secret, token, "p-1", 0);
    assertThat(badAmount.json().get("field").asText()).isEqualTo("amountFen");
    assertThat(buyWith(id, secret, token, "p-1", 100).status()).isEqualTo(201);
    Http.Response reused = buyWith(id, secret, token, "p-1", 200);
    assertThat(reused.status()).isEqualTo(409);
    assertThat(reused.json().get("field").asText()).isEqualTo("id");
  }

  /** A registered device whose agent booted and bound it to {@code phone}. */
  private static DeviceAgent bound(String id, String dataSim, String phone) throws Exception {
    DeviceAgent agent = agentFor(id, dataSim);
    DeviceAgent.Status prompt = agent.status();
    alpha.text(phone, prompt.shortCode(), prompt.text());
    assertThat(alpha.awaitText(dataSim, text -> text.contains("TOKEN "))).isTrue();
    assertThat(agent.boot(Duration.ofSeconds(20), line -> {})).isEqualTo(DeviceAgent.Boot.BOUND);
    return agent;
  }

  private static DeviceAgent agentFor(String id, String dataSim) throws IOException {
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

  private static CompletableFuture<DeviceAgent.Boot> bootInBackground(
      DeviceAgent agent, List<String> screen) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return agent.boot(Duration.ofSeconds(30), screen::add);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static Http.Response buyWith(
      String id, String secret, String token, String purchaseId, long amountFen) {
    Map<String, String> headers = new java.util.HashMap<>();
    headers.put("Authorization", "Device " + id + ":" + secret);
    if (token != null) {
      headers.put("Binding-Token", token);
    }
    return Http.post(
        base + "/devices/" + id + "/purchases",
        null,
        "{\"id\":\"" + purchaseId + "\",\"item\":\"Film\",\"amountFen\":" + amountFen + "}",
        headers);
  }

  private static long balance(String msisdn) {
    return alpha.subscriber(msisdn).get("balanceFen").asLong();
  }

  private static String subscribe() {
    return alpha.subscribe(Long.toString(NUMBERS.incrementAndGet()), "Kx7-pw19q");
  }

  private static long activations(String msisdn) {
    JsonNode inbox =
        Http.get(base + "/handsets/" + msisdn + "/inbox", platform.partnerKey("alpha")).json();
    long count = 0;
    for (JsonNode message : inbox) {
      count += message.get("text").asText().contains("TOKEN ") ? 1 : 0;
    }
    return count;
  }

  /** Whether the device's screen shows a line containing {@code phrase} within 15 s. */
  private static boolean awaitLine(List<String> screen, String phrase) throws InterruptedException {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (screen.stream().anyMatch(line -> line.contains(phrase))) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }
}
