package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's subscriber API over real HTTP: plans, subscribing with its field checks, voluntary
 * suspension reaching the simulated network through the outbox, number status, and the service
 * password never shown.
 */
class SubscriberApiIT {
  private static final String PASSWORD = "Kx7-pw19q";
  private static final AtomicLong NUMBERS = new AtomicLong(8613800001000L);
  private static final List<String> BODIES = new ArrayList<>();
  private static TestPlatform platform;
  private static String base;
  private static String admin;
  private static String partner;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = TestPlatform.start();
    base = platform.url("alpha") + "/api/v1";
    admin = platform.adminKey("alpha");
    partner = platform.partnerKey("alpha");
  }

  @AfterAll
  static void stopPlatform() {
    try {
      synchronized (BODIES) {
        assertThat(BODIES).noneMatch(body -> body.contains(PASSWORD));
      }
    } finally {
      platform.close();
    }
  }

  @Test
  void plansAreListedWithDistinctFees() {
    JsonNode plans = get("/plans", partner).json();

    assertThat(plans.size()).isGreaterThanOrEqualTo(4);
    Set<Long> fees = new HashSet<>();
    plans.forEach(plan -> fees.add(plan.get("monthlyFeeFen").asLong()));
    assertThat(fees).hasSize(plans.size());
    assertThat(plans.get(0).has("includedDataBytes")).isTrue();
    assertThat(plans.get(0).has("payAsYouGoFenPerMegabyte")).isTrue();
  }

  @Test
  void subscribingCreatesAnActiveSubscriberWithNoMoney() {
    String msisdn = nextNumber();

    Http.Response created = subscribe(msisdn, "basic", PASSWORD);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("msisdn").asText()).isEqualTo(msisdn);
    assertThat(created.json().has("servicePassword")).isFalse();
    JsonNode read = get("/subscribers/" + msisdn, admin).json();
    assertThat(read.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(read.get("balanceFen").asLong()).isZero();
    assertThat(read.get("dueFen").asLong()).isZero();
    assertThat(read.get("planId").asText()).isEqualTo("basic");
    assertThat(read.get("operatorId").asText()).isEqualTo("alpha");
    assertThat(read.get("nextCycleAt").asText()).isNotEmpty();
    JsonNode history = get("/subscribers/" + msisdn + "/history", admin).json();
    assertThat(history).hasSize(1);
    assertThat(history.get(0).get("reason").asText()).isEqualTo("SUBSCRIBED");
    assertThat(get("/numbers/" + msisdn + "/status", partner).json().get("state").asText())
        .isEqualTo("NORMAL");
  }

  @Test
  void aNumberSubscribedTwiceIsAConflict() {
    String msisdn = nextNumber();
    subscribe(msisdn, "basic", PASSWORD);

    assertProblem(subscribe(msisdn, "plus", PASSWORD), 409, "msisdn");
    assertThat(get("/subscribers/" + msisdn, admin).json().get("planId").asText())
        .isEqualTo("basic");
  }

  @Test
  void badInputNamesTheFieldAndWritesNothing() {
    assertProblem(subscribe("8618600000001", "basic", PASSWORD), 422, "msisdn");
    assertProblem(subscribe("12ab", "basic", PASSWORD), 400, "msisdn");
    String unknownPlan = nextNumber();
    assertProblem(subscribe(unknownPlan, "gold", PASSWORD), 422, "planId");
    String weak = nextNumber();
    Http.Response tooWeak = subscribe(weak, "basic", "123456");
    assertProblem(tooWeak, 400, "servicePassword");
    assertThat(tooWeak.json().get("code").asText()).isEqualTo("sequential-run");
    Http.Response missing =
        post("/subscribers", admin, "{\"msisdn\":\"" + weak + "\",\"planId\":\"basic\"}");
    assertProblem(missing, 400, "servicePassword");

    assertThat(get("/subscribers/" + unknownPlan, admin).status()).isEqualTo(404);
    assertThat(get("/subscribers/" + weak, admin).status()).isEqualTo(404);
  }

  @Test
  void voluntarySuspensionBarsTheLineAndResumeUnbarsIt() {
    String msisdn = nextNumber();
    subscribe(msisdn, "standard", PASSWORD);

    Http.Response suspended = post("/subscribers/" + msisdn + "/suspend", admin, "");

    assertThat(suspended.status()).isEqualTo(200);
    assertThat(suspended.json().get("status").asText()).isEqualTo("SUSPENDED_VOLUNTARY");
    assertThat(status(msisdn)).isEqualTo("RESTRICTED");
    advanceOneSecond();
    JsonNode barred = awaitLine(msisdn, line -> line.get("barred").asBoolean());
    assertThat(barred.get("commands").get(0).get("kind").asText()).isEqualTo("bar");
    assertThat(post("/subscribers/" + msisdn + "/suspend", admin, "").status()).isEqualTo(200);

    Http.Response resumed = post("/subscribers/" + msisdn + "/resume", admin, "");

    assertThat(resumed.status()).isEqualTo(200);
    assertThat(resumed.json().get("status").asText()).isEqualTo("ACTIVE");
    assertThat(status(msisdn)).isEqualTo("NORMAL");
    advanceOneSecond();
    JsonNode unbarred = awaitLine(msisdn, line -> !line.get("barred").asBoolean());
    assertThat(unbarred.get("commands")).hasSize(2);
    JsonNode history = get("/subscribers/" + msisdn + "/history", admin).json();
    assertThat(history).hasSize(3);
    assertThat(history.get(2).get("reason").asText()).isEqualTo("RESUMED_BY_REQUEST");
    // the notices travel through the SMS centre, so they arrive a moment later
    JsonNode inbox = awaitInbox(msisdn, messages -> messages.size() == 2);
    assertThat(inbox.get(0).get("text").asText()).contains("in service again");
  }

  @Test
  void resumingANumberThatWasNotSuspendedIsRefusedOrUnchanged() {
    String msisdn = nextNumber();
    subscribe(msisdn, "basic", PASSWORD);
    post("/subscribers/" + msisdn + "/suspend", admin, "");
    post("/subscribers/" + msisdn + "/resume", admin, "");

    Http.Response again = post("/subscribers/" + msisdn + "/resume", admin, "");

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("status").asText()).isEqualTo("ACTIVE");
    assertThat(post("/subscribers/8613899999999/suspend", admin, "").status()).isEqualTo(404);
  }

  @Test
  void unknownAndForeignNumbersAreUnknown() {
    assertThat(status("8613877777777")).isEqualTo("UNKNOWN");
    assertThat(status("8618600000001")).isEqualTo("UNKNOWN");
  }

  @Test
  void partnersMayNotSubscribe() {
    Http.Response refused =
        Http.post(base + "/subscribers", partner, body(nextNumber(), "basic", PASSWORD));

    assertThat(refused.status()).isEqualTo(403);
  }

  private static String status(String msisdn) {
    return get("/numbers/" + msisdn + "/status", partner).json().get("state").asText();
  }

  private static void advanceOneSecond() {
    assertThat(post("/admin/clock/advance", admin, "{\"seconds\":1}").status()).isEqualTo(200);
  }

  private static JsonNode awaitInbox(String msisdn, Predicate<JsonNode> done) {
    return await("/handsets/" + msisdn + "/inbox", partner, done);
  }

  private static JsonNode awaitLine(String msisdn, Predicate<JsonNode> done) {
    return await("/admin/network/lines/" + msisdn, admin, done);
  }

  private static JsonNode await(String path, String key, Predicate<JsonNode> done) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    JsonNode line = get(path, key).json();
    while (!done.test(line) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      line = get(path, key).json();
    }
    assertThat(done.test(line)).as("%s: %s", path, line).isTrue();
    return line;
  }

  private static String nextNumber() {
    return Long.toString(NUMBERS.incrementAndGet());
  }

  private static Http.Response subscribe(String msisdn, String plan, String password) {
    return post("/subscribers", admin, body(msisdn, plan, password));
  }

  private static String body(String msisdn, String plan, String password) {
    return "{\"msisdn\":\""
        + msisdn
        + "\",\"planId\":\""
        + plan
        + "\",\"servicePassword\":\""
        + password
        + "\"}";
  }

  private static Http.Response get(String path, String key) {
    return remember(Http.get(base + path, key));
  }

  private static Http.Response post(String path, String key, String json) {
    return remember(Http.post(base + path, key, json));
  }

  private static Http.Response remember(Http.Response response) {
    synchronized (BODIES) {
      BODIES.add(response.body());
    }
    return response;
  }

  private static void assertProblem(Http.Response response, int status, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("field").asText()).isEqualTo(field);
  }
}
