package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The prepaid lifecycle as time travel with the simulated clock (issue 3, Acceptance): the billing
 * run charges the fee, bars a number that cannot pay, a third party's payment re-opens it; then a
 * voluntary suspension, a refund and an unknown number. The ledger is checked conserved after every
 * step.
 */
class LifecycleScenarioIT {
  /** Plan {@code basic} at alpha: 8 yuan a month. */
  private static final long FEE = 800;

  private static final long DAY = 86_400;
  private static final String MSISDN = "8613800003001";
  private static final String THIRD_PARTY = "8613900001234";

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
    platform.close();
  }

  @Test
  void aSubscriberLivesThroughFeesArrearsAThirdPartyPaymentSuspensionAndARefund() {
    Http.Response created =
        post(
            "/subscribers",
            "{\"msisdn\":\""
                + MSISDN
                + "\",\"planId\":\"basic\",\"servicePassword\":\"Qw9-zx81\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertConserved();

    assertThat(pay("topup-1", MSISDN, 2 * FEE, MSISDN).status()).isEqualTo(201);
    assertThat(subscriber().get("balanceFen").asLong()).isEqualTo(2 * FEE);
    assertConserved();

    advanceDays(32); // cycle 1 starts: the first fee
    assertThat(subscriber().get("balanceFen").asLong()).isEqualTo(FEE);
    assertThat(subscriber().get("status").asText()).isEqualTo("ACTIVE");
    assertThat(numberState(MSISDN)).isEqualTo("NORMAL");
    awaitInbox(text -> text.contains("monthly fee"));
    assertConserved();

    advanceDays(32); // cycle 2: the last of the money
    assertThat(subscriber().get("balanceFen").asLong()).isZero();
    assertThat(subscriber().get("status").asText()).isEqualTo("ACTIVE");
    awaitInbox(text -> text.contains("less than the monthly fee")); // the balance-low warning
    assertConserved();

    advanceDays(32); // cycle 3: nothing left to pay with
    JsonNode barred = subscriber();
    assertThat(barred.get("status").asText()).isEqualTo("BARRED_ARREARS");
    assertThat(barred.get("dueFen").asLong()).isEqualTo(FEE);
    assertThat(barred.get("balanceFen").asLong()).isZero();
    assertThat(numberState(MSISDN)).isEqualTo("RESTRICTED");
    awaitLine(line -> line.get("barred").asBoolean());
    awaitInbox(text -> text.contains("barred"));
    assertConserved();

    Http.Response paid = pay("friend-1", MSISDN, FEE, THIRD_PARTY);
    assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    JsonNode reopened = subscriber();
    assertThat(reopened.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(reopened.get("dueFen").asLong()).isZero();
    assertThat(numberState(MSISDN)).isEqualTo("NORMAL");
    advanceSeconds(1);
    awaitLine(line -> !line.get("barred").asBoolean());
    awaitInbox(text -> text.contains("in service again"));
    assertConserved();

    assertThat(post("/subscribers/" + MSISDN + "/suspend", "").status()).isEqualTo(200);
    assertThat(numberState(MSISDN)).isEqualTo("RESTRICTED");
    assertConserved();
    assertThat(post("/subscribers/" + MSISDN + "/resume", "").status()).isEqualTo(200);
    assertThat(numberState(MSISDN)).isEqualTo("NORMAL");
    assertConserved();

    assertThat(pay("topup-2", MSISDN, 500, MSISDN).status()).isEqualTo(201);
    Http.Response refund = post("/payments/topup-2/refund", "{}");
    assertThat(refund.status()).as(refund.body()).isEqualTo(201);
    assertThat(refund.json().get("amountFen").asLong()).isEqualTo(500);
    assertThat(subscriber().get("balanceFen").asLong()).isZero();
    assertConserved();

    assertThat(numberState("8613877770000")).isEqualTo("UNKNOWN");
    assertConserved();
  }

  private static JsonNode subscriber() {
    Http.Response read = Http.get(base + "/subscribers/" + MSISDN, admin);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    return read.json();
  }

  private static String numberState(String msisdn) {
    return Http.get(base + "/numbers/" + msisdn + "/status", partner).json().get("state").asText();
  }

  private static Http.Response pay(String id, String msisdn, long amount, String payer) {
    return post(
        "/payments",
        "{\"id\":\""
            + id
            + "\",\"msisdn\":\""
            + msisdn
            + "\",\"amountFen\":"
            + amount
            + ",\"payer\":\""
            + payer
            + "\"}");
  }

  private static Http.Response post(String path, String json) {
    return Http.post(base + path, admin, json);
  }

  private static void advanceDays(long days) {
    advanceSeconds(days * DAY);
  }

  private static void advanceSeconds(long seconds) {
    Http.Response moved = post("/admin/clock/advance", "{\"seconds\":" + seconds + "}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
  }

  private static void assertConserved() {
    for (Node node : platform.platform.nodes()) {
      node.ledger().checkInvariants().join();
    }
  }

  private static void awaitLine(Predicate<JsonNode> done) {
    await(() -> Http.get(base + "/admin/network/lines/" + MSISDN, admin).json(), done);
  }

  private static void awaitInbox(Predicate<String> text) {
    await(
        () -> Http.get(base + "/handsets/" + MSISDN + "/inbox", partner).json(),
        inbox -> inbox.size() > 0 && text.test(inbox.get(0).get("text").asText()));
  }

  private static void await(Supplier<JsonNode> read, Predicate<JsonNode> done) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    JsonNode value = read.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      value = read.get();
    }
    assertThat(done.test(value)).as("%s", value).isTrue();
  }
}
