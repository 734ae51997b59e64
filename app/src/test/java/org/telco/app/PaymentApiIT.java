package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Top-ups and refunds over real HTTP: idempotent by id (also concurrently), a third party may pay,
 * bad input names the field, refunds never exceed the payment.
 */
class PaymentApiIT {
  private static final AtomicLong NUMBERS = new AtomicLong(8613800002000L);
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
  void aPaymentTopsUpOnceHoweverOftenItIsSent() {
    String msisdn = subscriber();

    Http.Response first = pay("p1-" + msisdn, msisdn, 1000, "someone-else");
    Http.Response again = pay("p1-" + msisdn, msisdn, 1000, "someone-else");

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().get("balanceFen").asLong()).isEqualTo(1000);
    assertThat(again.status()).isEqualTo(200);
    assertThat(balance(msisdn)).isEqualTo(1000);
    assertProblem(pay("p1-" + msisdn, msisdn, 999, "someone-else"), 409, "id");
  }

  @Test
  void theSamePaymentSentConcurrentlyPaysOnce() throws Exception {
    String msisdn = subscriber();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Http.Response>> answers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        answers.add(pool.submit(() -> pay("pc-" + msisdn, msisdn, 500, msisdn)));
      }
      for (Future<Http.Response> answer : answers) {
        assertThat(answer.get().status()).isIn(200, 201);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(balance(msisdn)).isEqualTo(500);
  }

  @Test
  void badPaymentsNameTheField() {
    String msisdn = subscriber();

    assertProblem(pay("neg-" + msisdn, msisdn, -5, "x"), 400, "amountFen");
    assertProblem(pay("unk-" + msisdn, "8613877770000", 100, "x"), 422, "msisdn");
    assertProblem(pay("dec-" + msisdn, msisdn, 100, "declined-card"), 422, "payer");
    assertThat(balance(msisdn)).isZero();
  }

  @Test
  void refundsArePartialOrFullAndNeverExceedThePayment() {
    String msisdn = subscriber();
    pay("r-" + msisdn, msisdn, 1000, "x");

    Http.Response part =
        Http.post(
            base + "/payments/r-" + msisdn + "/refund",
            admin,
            "{\"refundId\":\"a\",\"amountFen\":300}");
    Http.Response replay =
        Http.post(
            base + "/payments/r-" + msisdn + "/refund",
            admin,
            "{\"refundId\":\"a\",\"amountFen\":300}");
    Http.Response tooMuch =
        Http.post(
            base + "/payments/r-" + msisdn + "/refund",
            admin,
            "{\"refundId\":\"b\",\"amountFen\":701}");

    assertThat(part.status()).as(part.body()).isEqualTo(201);
    assertThat(replay.status()).isEqualTo(200);
    assertProblem(tooMuch, 422, "amountFen");
    assertThat(balance(msisdn)).isEqualTo(700);
    Http.Response rest = Http.post(base + "/payments/r-" + msisdn + "/refund", admin, "{}");
    assertThat(rest.status()).as(rest.body()).isEqualTo(201);
    assertThat(rest.json().get("amountFen").asLong()).isEqualTo(700);
    assertThat(balance(msisdn)).isZero();
    assertProblem(Http.post(base + "/payments/nope/refund", admin, "{}"), 404, "id");
  }

  private static String subscriber() {
    String msisdn = Long.toString(NUMBERS.incrementAndGet());
    Http.Response created =
        Http.post(
            base + "/subscribers",
            admin,
            "{\"msisdn\":\""
                + msisdn
                + "\",\"planId\":\"basic\",\"servicePassword\":\"Qw9-zx81\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return msisdn;
  }

  private static Http.Response pay(String id, String msisdn, long amount, String payer) {
    return Http.post(
        base + "/payments",
        admin,
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

  private static long balance(String msisdn) {
    return Http.get(base + "/subscribers/" + msisdn, admin).json().get("balanceFen").asLong();
  }

  private static void assertProblem(Http.Response response, int status, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.json().get("field").asText()).isEqualTo(field);
  }
}
