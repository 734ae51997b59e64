package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.storage.PostgresForTests;

/**
 * The acceptance point "a restart between the timer's due time and its firing still fires it
 * exactly once", on the real platform: a number is barred, the platform stops, the simulated clock
 * is moved past the offer's due time while nothing runs, and the platform starts again. The node's
 * poller finds the offer due and fires it once; a further restart and more time fire nothing more.
 */
class EmergencyCreditRestartIT {
  private static final String NUMBER = "8613800007001";

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
  void anOfferDueWhileThePlatformWasDownFiresOnceAfterTheRestart() throws Exception {
    settings = TestPlatform.settings(List.of("clearinghouse", "alpha"), false);
    platform = Platform.start(settings);
    assertThat(post("/subscribers", body(NUMBER)).status()).isEqualTo(201);
    Instant firstFee = Instant.parse(subscriber().get("nextCycleAt").asText());
    advance(Duration.between(platform.clock().instant(), firstFee));
    assertThat(subscriber().get("status").asText()).isEqualTo("BARRED_ARREARS");
    advance(Duration.ofMinutes(29));
    assertThat(advances()).isEmpty();

    platform.close();
    platform = null;
    Files.writeString(
        settings.dataDirectory().resolve("simulated-clock.txt"),
        firstFee.plus(Duration.ofMinutes(31)).toString()); // the offer fell due while down
    platform = Platform.start(settings);

    JsonNode advanced = await(() -> advances(), list -> list.size() == 1).getFirst();
    assertThat(advanced.get("state").asText()).isEqualTo("OUTSTANDING");
    assertThat(advanced.get("amountFen").asLong()).isEqualTo(1_000);
    assertThat(subscriber().get("status").asText()).isEqualTo("EMERGENCY_CREDIT");
    assertThat(subscriber().get("dueFen").asLong()).isEqualTo(800);

    platform.close();
    platform = Platform.start(settings);
    advance(Duration.ofHours(8)); // past 08:00 in Shanghai, when the bill may be sent

    List<JsonNode> bills =
        await(
            () ->
                inbox().stream()
                    .filter(m -> m.get("text").asText().contains("Operator bill"))
                    .toList(),
            list -> !list.isEmpty());
    Thread.sleep(500); // a second copy, if there were one, would have arrived by now
    assertThat(inbox().stream().filter(m -> m.get("text").asText().contains("Operator bill")))
        .hasSize(1);
    assertThat(bills.getFirst().get("text").asText()).contains("advanced you 10.00 yuan");
    assertThat(advances()).hasSize(1);
    assertThat(subscriber().get("dueFen").asLong()).isEqualTo(800);
    assertThat(subscriber().get("balanceFen").asLong()).isZero();
    JsonNode history = Http.get(api() + "/subscribers/" + NUMBER + "/history", admin()).json();
    List<String> reasons = new ArrayList<>();
    history.forEach(entry -> reasons.add(entry.get("reason").asText()));
    assertThat(reasons).containsExactly("SUBSCRIBED", "FEE_UNPAID", "EMERGENCY_CREDIT_GRANTED");
  }

  private JsonNode subscriber() {
    return Http.get(api() + "/subscribers/" + NUMBER, admin()).json();
  }

  private List<JsonNode> advances() {
    List<JsonNode> list = new ArrayList<>();
    Http.get(api() + "/subscribers/" + NUMBER + "/advances", admin()).json().forEach(list::add);
    return list;
  }

  private List<JsonNode> inbox() {
    List<JsonNode> list = new ArrayList<>();
    Http.get(api() + "/handsets/" + NUMBER + "/inbox", partner()).json().forEach(list::add);
    return list;
  }

  private void advance(Duration duration) {
    Http.Response moved =
        post("/admin/clock/advance", "{\"seconds\":" + duration.toSeconds() + "}");
    assertThat(moved.status()).isEqualTo(200);
  }

  private Http.Response post(String path, String json) {
    return Http.post(api() + path, admin(), json);
  }

  private static String body(String msisdn) {
    return "{\"msisdn\":\""
        + msisdn
        + "\",\"planId\":\"standard\",\"servicePassword\":\"Kx7-pw19q\"}";
  }

  private String api() {
    return settings.peerAddresses().get("alpha") + "/api/v1";
  }

  private String admin() {
    return platform.credentials().of("alpha").adminApiKey();
  }

  private String partner() {
    return platform.credentials().of("alpha").partnerApiKey();
  }

  private static <T> T await(java.util.function.Supplier<T> read, Predicate<T> done)
      throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    T value = read.get();
    while (!done.test(value)) {
      if (System.nanoTime() > until) {
        throw new AssertionError("still " + value);
      }
      Thread.sleep(100);
      value = read.get();
    }
    return value;
  }
}
