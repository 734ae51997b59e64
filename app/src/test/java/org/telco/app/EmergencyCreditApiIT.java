package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telco.subscriber.OperatorProfiles;

/**
 * Flow F1, emergency credit in arrears, over real HTTP and the PostgreSQL stores: two numbers
 * without money are barred at their first fee, get an advance 30 minutes later, and their bills
 * wait for 08:00; one repays by a top-up, the other defaults at the deadline and is recovered in
 * two top-ups. Every figure is read back from the public API: subscribers, history, advances,
 * payments, the handset inbox and the operator's summary.
 *
 * <p>The platform is this class's own (fresh databases, no demo subscribers), so the summary holds
 * exactly the advances of the numbers this class subscribed; the clock it moves is shared by the
 * tests of the class, so only the timeline subscribes numbers.
 */
class EmergencyCreditApiIT {
  private static final AtomicLong NUMBERS = new AtomicLong(8613800005000L);
  private static final List<String> SUBSCRIBED = new ArrayList<>();
  private static final DateTimeFormatter LOCAL_MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(OperatorProfiles.DEMO_ZONE);
  private static final long FEE = 1_800; // plan standard
  private static final long ADVANCE = 1_000; // the default policy's advance

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
  void anAdvanceIsRepaidInTimeAndAnotherDefaultsAndIsRecovered() {
    String payer = subscribe();
    String debtor = subscribe();
    Instant fee = Instant.parse(subscriber(payer).get("nextCycleAt").asText());
    assertThat(subscriber(debtor).get("nextCycleAt").asText()).isEqualTo(fee.toString());

    barredAtTheFee(fee, payer, debtor);
    Instant granted = fee.plus(Duration.ofMinutes(30));
    Instant deadline = granted.plus(Duration.ofHours(72));
    advancedAfterThirtyMinutes(granted, payer, debtor);
    Instant morning = fee.plus(Duration.ofHours(8)); // fees fall due at midnight in Shanghai
    theBillArrivesAtEight(morning, deadline, payer);
    repaidByATopUp(morning, payer);
    defaultedAtTheDeadline(deadline, payer, debtor);
    recoveredByTwoTopUps(debtor);

    JsonNode summary = get("/emergency-credit/summary", admin).json();
    assertThat(summary.get("advancedFen").asLong())
        .isEqualTo(
            summary.get("repaidFen").asLong()
                + summary.get("outstandingFen").asLong()
                + summary.get("defaultedFen").asLong());
    assertThat(summary.get("advances").asLong()).isEqualTo(2);
    assertThat(summary.get("advancedFen").asLong()).isEqualTo(2 * ADVANCE);
    assertThat(summary.get("repaidFen").asLong()).isEqualTo(2 * ADVANCE);
    assertThat(summary.get("defaults").asLong()).isEqualTo(1);
    assertSummaryHoldsTheAdvancesOfEveryNumberSubscribed(summary);
    JsonNode policy = summary.get("policy");
    assertThat(policy.get("delayMinutes").asLong()).isEqualTo(30);
    assertThat(policy.get("repaymentHours").asLong()).isEqualTo(72);
    assertThat(policy.get("defaultAmountFen").asLong()).isEqualTo(ADVANCE);
    assertThat(policy.get("amountsByPlanFen").get("basic").asLong()).isEqualTo(500);
    assertThat(policy.get("quietHours").asText()).isEqualTo("22:00-08:00");
  }

  @Test
  void advancesOfAMalformedNumberAreAProblemNamingMsisdn() {
    Http.Response bad = get("/subscribers/86138abc/advances", admin);

    assertProblem(bad, 400, "msisdn");
  }

  @Test
  void advancesOfAnUnknownNumberAreNotFound() {
    Http.Response unknown = get("/subscribers/8613877770000/advances", admin);

    assertProblem(unknown, 404, "msisdn");
    assertThat(unknown.json().get("code").asText()).isEqualTo("subscriber-not-found");
  }

  @Test
  void bothEndpointsNeedTheAdminKey() {
    for (String path :
        List.of("/subscribers/8613877770000/advances", "/emergency-credit/summary")) {
      Http.Response anonymous = get(path, null);
      assertThat(anonymous.status()).as(path).isEqualTo(401);
      assertThat(anonymous.contentType()).startsWith("application/problem+json");
      assertThat(get(path, partner).status()).as(path).isEqualTo(403);
    }
  }

  @Test
  void theOpenApiDocumentDescribesBothEndpoints() {
    Http.Response document = Http.get(platform.url("alpha") + "/openapi.yaml", null);

    assertThat(document.body())
        .contains("/api/v1/subscribers/{msisdn}/advances:", "/api/v1/emergency-credit/summary:")
        .contains("Advance:", "EmergencyCreditSummary:", "EMERGENCY_CREDIT_GRANTED");
  }

  private static void barredAtTheFee(Instant fee, String payer, String debtor) {
    moveTo(fee);
    for (String msisdn : List.of(payer, debtor)) {
      assertSubscriber(msisdn, "BARRED_ARREARS", 0, FEE);
      assertThat(numberStatus(msisdn)).isEqualTo("RESTRICTED");
    }
    moveTo(fee.plus(Duration.ofMinutes(29)));
    for (String msisdn : List.of(payer, debtor)) {
      assertSubscriber(msisdn, "BARRED_ARREARS", 0, FEE);
      assertThat(advances(msisdn)).as("no advance before 30 minutes").isEmpty();
    }
  }

  private static void advancedAfterThirtyMinutes(Instant granted, String payer, String debtor) {
    moveTo(granted);
    for (String msisdn : List.of(payer, debtor)) {
      JsonNode advance = onlyAdvance(msisdn);
      assertThat(advance.get("id").asText()).startsWith(msisdn + ":");
      assertThat(advance.get("msisdn").asText()).isEqualTo(msisdn);
      assertAdvance(advance, "OUTSTANDING", 0);
      assertThat(advance.get("coveredFen").asLong()).isEqualTo(ADVANCE);
      assertThat(advance.get("grantedAt").asText()).isEqualTo(granted.toString());
      assertThat(advance.get("deadline").asText())
          .isEqualTo(granted.plus(Duration.ofHours(72)).toString());
      assertThat(advance.path("closedAt").isNull() || advance.path("closedAt").isMissingNode())
          .isTrue();
      assertSubscriber(msisdn, "EMERGENCY_CREDIT", 0, FEE - ADVANCE);
      assertThat(numberStatus(msisdn)).isEqualTo("NORMAL");
      assertThat(reasons(msisdn))
          .containsExactly("SUBSCRIBED", "FEE_UNPAID", "EMERGENCY_CREDIT_GRANTED");
      assertThat(history(msisdn).get(2).get("at").asText()).isEqualTo(granted.toString());
    }
    awaitLine(payer, line -> !line.get("barred").asBoolean());
    assertThat(inboxTexts(payer)).noneMatch(text -> text.contains("Operator bill"));
  }

  private static void theBillArrivesAtEight(Instant morning, Instant deadline, String payer) {
    moveTo(morning.minusSeconds(1));
    assertThat(inboxTexts(payer)).as("quiet hours").noneMatch(t -> t.contains("Operator bill"));

    moveTo(morning);
    JsonNode bill = awaitInbox(payer, "Operator bill");
    assertThat(bill.get("text").asText())
        .contains("advanced you 10.00 yuan", "paid 10.00 yuan of your overdue monthly fee")
        .contains("by " + LOCAL_MINUTE.format(deadline));
    assertThat(bill.get("at").asText()).isEqualTo(morning.toString());
  }

  private static void repaidByATopUp(Instant morning, String payer) {
    JsonNode paid = pay(payer, "in-time", 3_000);
    assertThat(paid.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(paid.get("balanceFen").asLong()).isEqualTo(3_000 - ADVANCE - (FEE - ADVANCE));
    assertThat(paid.get("dueFen").asLong()).isZero();

    JsonNode advance = onlyAdvance(payer);
    assertAdvance(advance, "REPAID", ADVANCE);
    assertThat(advance.get("closedAt").asText()).isEqualTo(morning.toString());
    assertSubscriber(payer, "ACTIVE", 1_200, 0);
    assertThat(reasons(payer)).endsWith("EMERGENCY_CREDIT_GRANTED", "ADVANCE_REPAID");
    awaitInbox(payer, "your emergency advance is repaid and your number is fully re-opened");
    awaitLine(payer, line -> !line.get("barred").asBoolean());
  }

  private static void defaultedAtTheDeadline(Instant deadline, String payer, String debtor) {
    moveTo(deadline.minusSeconds(1));
    assertAdvance(onlyAdvance(debtor), "OUTSTANDING", 0);

    moveTo(deadline);
    JsonNode advance = onlyAdvance(debtor);
    assertAdvance(advance, "DEFAULTED", 0);
    assertThat(advance.get("closedAt").asText()).isEqualTo(deadline.toString());
    assertSubscriber(debtor, "BARRED_ARREARS", 0, FEE - ADVANCE);
    assertThat(numberStatus(debtor)).isEqualTo("RESTRICTED");
    assertThat(reasons(debtor)).endsWith("EMERGENCY_CREDIT_GRANTED", "ADVANCE_DEFAULTED");
    awaitLine(debtor, line -> line.get("barred").asBoolean());
    assertAdvance(onlyAdvance(payer), "REPAID", ADVANCE); // its deadline passes too: no effect
    assertSubscriber(payer, "ACTIVE", 1_200, 0);

    moveTo(deadline.plus(Duration.ofMinutes(450))); // 08:00 local: the SMS waited for it
    assertThat(awaitInbox(debtor, "barred again").get("text").asText())
        .contains("10.00 yuan of it is unpaid, so your number is barred again");
  }

  private static void recoveredByTwoTopUps(String debtor) {
    JsonNode part = pay(debtor, "part", 400);
    assertThat(part.get("status").asText()).isEqualTo("BARRED_ARREARS");
    assertThat(part.get("dueFen").asLong()).as("the debt first, the fee after").isEqualTo(800);
    JsonNode owing = onlyAdvance(debtor);
    assertAdvance(owing, "DEFAULTED", 400);
    assertThat(owing.get("owedFen").asLong()).isEqualTo(600);
    awaitInbox(debtor, "6.00 yuan is still owed");

    JsonNode rest = pay(debtor, "rest", 2_000);
    assertThat(rest.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(rest.get("balanceFen").asLong()).isEqualTo(400 + 2_000 - ADVANCE - (FEE - ADVANCE));
    assertThat(rest.get("dueFen").asLong()).isZero();
    assertAdvance(onlyAdvance(debtor), "RECOVERED", ADVANCE);
    assertThat(reasons(debtor)).endsWith("ADVANCE_DEFAULTED", "ARREARS_PAID");
    awaitInbox(debtor, "in service again");
    awaitLine(debtor, line -> !line.get("barred").asBoolean());
  }

  /** The summary's figures are the sums over every advance of every number subscribed here. */
  private static void assertSummaryHoldsTheAdvancesOfEveryNumberSubscribed(JsonNode summary) {
    long count = 0;
    long advanced = 0;
    long repaid = 0;
    long outstanding = 0;
    long defaulted = 0;
    long defaults = 0;
    for (String msisdn : SUBSCRIBED) {
      for (JsonNode advance : advances(msisdn)) {
        String state = advance.get("state").asText();
        count++;
        advanced += advance.get("amountFen").asLong();
        repaid += advance.get("repaidFen").asLong();
        outstanding += state.equals("OUTSTANDING") ? advance.get("owedFen").asLong() : 0;
        defaulted += state.equals("DEFAULTED") ? advance.get("owedFen").asLong() : 0;
        defaults += state.equals("DEFAULTED") || state.equals("RECOVERED") ? 1 : 0;
      }
    }
    assertThat(summary.get("advances").asLong()).isEqualTo(count);
    assertThat(summary.get("advancedFen").asLong()).isEqualTo(advanced);
    assertThat(summary.get("repaidFen").asLong()).isEqualTo(repaid);
    assertThat(summary.get("outstandingFen").asLong()).isEqualTo(outstanding);
    assertThat(summary.get("defaultedFen").asLong()).isEqualTo(defaulted);
    assertThat(summary.get("defaults").asLong()).isEqualTo(defaults);
  }

  private static String subscribe() {
    String msisdn = Long.toString(NUMBERS.incrementAndGet());
    Http.Response created =
        post(
            "/subscribers",
            "{\"msisdn\":\""
                + msisdn
                + "\",\"planId\":\"standard\",\"servicePassword\":\"Kx7-pw19q\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("balanceFen").asLong()).isZero();
    SUBSCRIBED.add(msisdn);
    return msisdn;
  }

  private static JsonNode pay(String msisdn, String id, long fen) {
    Http.Response paid =
        post(
            "/payments",
            "{\"id\":\"ec-%s-%s\",\"msisdn\":\"%s\",\"amountFen\":%d,\"payer\":\"%s\"}"
                .formatted(id, msisdn, msisdn, fen, msisdn));
    assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    return paid.json();
  }

  /** Moves the simulated clock to {@code target}; due timers fire before the answer. */
  private static void moveTo(Instant target) {
    Instant now = Instant.parse(get("/admin/clock", admin).json().get("now").asText());
    long seconds = Duration.between(now, target).toSeconds();
    assertThat(seconds).as("the clock only moves forward").isNotNegative();
    Http.Response moved = post("/admin/clock/advance", "{\"seconds\":" + seconds + "}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.json().get("now").asText()).isEqualTo(target.toString());
  }

  private static JsonNode subscriber(String msisdn) {
    return get("/subscribers/" + msisdn, admin).json();
  }

  private static void assertSubscriber(String msisdn, String status, long balance, long due) {
    JsonNode subscriber = subscriber(msisdn);
    assertThat(subscriber.get("status").asText()).as(msisdn).isEqualTo(status);
    assertThat(subscriber.get("balanceFen").asLong()).as("balance").isEqualTo(balance);
    assertThat(subscriber.get("dueFen").asLong()).as("due").isEqualTo(due);
  }

  private static JsonNode advances(String msisdn) {
    Http.Response advances = get("/subscribers/" + msisdn + "/advances", admin);
    assertThat(advances.status()).as(advances.body()).isEqualTo(200);
    return advances.json();
  }

  private static JsonNode onlyAdvance(String msisdn) {
    JsonNode advances = advances(msisdn);
    assertThat(advances).as(msisdn).hasSize(1);
    return advances.get(0);
  }

  private static void assertAdvance(JsonNode advance, String state, long repaid) {
    assertThat(advance.get("state").asText()).as(advance.toString()).isEqualTo(state);
    assertThat(advance.get("amountFen").asLong()).isEqualTo(ADVANCE);
    assertThat(advance.get("repaidFen").asLong()).isEqualTo(repaid);
    assertThat(advance.get("owedFen").asLong()).isEqualTo(ADVANCE - repaid);
  }

  private static JsonNode history(String msisdn) {
    return get("/subscribers/" + msisdn + "/history", admin).json();
  }

  private static List<String> reasons(String msisdn) {
    List<String> reasons = new ArrayList<>();
    history(msisdn).forEach(change -> reasons.add(change.get("reason").asText()));
    return reasons;
  }

  private static String numberStatus(String msisdn) {
    return get("/numbers/" + msisdn + "/status", partner).json().get("state").asText();
  }

  private static List<String> inboxTexts(String msisdn) {
    List<String> texts = new ArrayList<>();
    get("/handsets/" + msisdn + "/inbox", partner)
        .json()
        .forEach(message -> texts.add(message.get("text").asText()));
    return texts;
  }

  /** The newest message containing {@code phrase}, waiting for the outbox to deliver it. */
  private static JsonNode awaitInbox(String msisdn, String phrase) {
    JsonNode inbox =
        await(
            "/handsets/" + msisdn + "/inbox", partner, messages -> find(messages, phrase) != null);
    return find(inbox, phrase);
  }

  private static JsonNode find(JsonNode messages, String phrase) {
    for (JsonNode message : messages) {
      if (message.get("text").asText().contains(phrase)) {
        return message;
      }
    }
    return null;
  }

  private static void awaitLine(String msisdn, Predicate<JsonNode> done) {
    await("/admin/network/lines/" + msisdn, admin, done);
  }

  private static JsonNode await(String path, String key, Predicate<JsonNode> done) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    JsonNode seen = get(path, key).json();
    while (!done.test(seen) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      seen = get(path, key).json();
    }
    assertThat(done.test(seen)).as("%s: %s", path, seen).isTrue();
    return seen;
  }

  private static Http.Response get(String path, String key) {
    return Http.get(base + path, key);
  }

  private static Http.Response post(String path, String json) {
    return Http.post(base + path, admin, json);
  }

  private static void assertProblem(Http.Response response, int status, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("field").asText()).isEqualTo(field);
  }
}
