package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telco.sms.smpp.TestEsme;

/**
 * The SMS platform across operators (issue 4, Acceptance): an ESME bound to alpha's SMPP server
 * reaches a subscriber of beta, whose inbox shows it, and gets the delivery receipt; handsets text
 * each other and the balance service; notices come through the centre.
 */
class SmsApiIT {
  private static final String ALICE = "8613800004001";
  private static final String CAROL = "8613800004002";
  private static final String BOB = "8618600004001";

  private static TestPlatform platform;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = TestPlatform.start(List.of("clearinghouse", "alpha", "beta"));
    subscribe("alpha", ALICE);
    subscribe("alpha", CAROL);
    subscribe("beta", BOB);
  }

  @AfterAll
  static void stopPlatform() {
    platform.close();
  }

  @Test
  void anEsmeReachesAnotherOperatorsSubscriberAndGetsTheReceipt() throws Exception {
    try (TestEsme esme =
        TestEsme.bind(
            platform.smppPort("alpha"),
            BindType.BIND_TRX,
            platform.smppSystemId("alpha"),
            platform.smppPassword("alpha"))) {
      String id = esme.submit("95588", BOB, "您尾号1234的卡消费 88.00 元");

      awaitInbox("beta", BOB, text -> text.equals("您尾号1234的卡消费 88.00 元"));
      DeliverSm receipt = esme.received.poll(15, TimeUnit.SECONDS);
      assertThat(receipt).as("delivery receipt").isNotNull();
      assertThat(receipt.getShortMessageAsDeliveryReceipt().getId()).isEqualTo(id);
      assertThat(receipt.getShortMessageAsDeliveryReceipt().getFinalStatus())
          .isEqualTo(DeliveryReceiptState.DELIVRD);

      JsonNode record =
          json(Http.get(api("alpha") + "/sms/messages/" + id, platform.adminKey("alpha")));
      assertThat(record.get("route").asText()).isEqualTo("peer:beta");
      assertThat(record.get("state").asText()).isEqualTo("DELIVERED");
      assertThat(record.get("origin").asText()).isEqualTo("esme:alpha");
    }
  }

  @Test
  void handsetsTextEachOtherAcrossOperators() {
    Http.Response sent = sendFrom(ALICE, BOB, "晚上一起吃饭吗?");
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);

    awaitInbox("beta", BOB, text -> text.equals("晚上一起吃饭吗?"));
    JsonNode seen =
        json(Http.get(api("beta") + "/sms/messages?msisdn=" + BOB, platform.adminKey("beta")));
    assertThat(seen.get(0).get("origin").asText()).isEqualTo("peer:alpha");
  }

  @Test
  void yeToTheServiceShortCodeAnswersWithTheBalance() {
    Http.Response paid =
        Http.post(
            api("alpha") + "/payments",
            platform.adminKey("alpha"),
            "{\"id\":\"sms-it-1\",\"msisdn\":\""
                + CAROL
                + "\",\"amountFen\":1234,"
                + "\"payer\":\""
                + CAROL
                + "\",\"channel\":\"SANDBOX\"}");
    assertThat(paid.status()).as(paid.body()).isEqualTo(201);

    assertThat(sendFrom(CAROL, "10086", "ye").status()).isEqualTo(202);

    awaitInbox("alpha", CAROL, text -> text.contains("12.34"));
  }

  @Test
  void badMessagesAreRefusedNamingTheField() {
    Http.Response badTo = sendFrom(ALICE, "abc", "hi");
    assertThat(badTo.status()).isEqualTo(400);
    assertThat(json(badTo).get("field").asText()).isEqualTo("to");

    Http.Response empty = sendFrom(ALICE, BOB, "");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(json(empty).get("field").asText()).isEqualTo("text");

    Http.Response stranger = sendFrom("8613800009999", BOB, "hi");
    assertThat(stranger.status()).isEqualTo(404);
  }

  private static Http.Response sendFrom(String msisdn, String to, String text) {
    return Http.post(
        api(msisdn.startsWith("86186") ? "beta" : "alpha") + "/handsets/" + msisdn + "/sms",
        platform.partnerKey(msisdn.startsWith("86186") ? "beta" : "alpha"),
        "{\"to\":\"" + to + "\",\"text\":\"" + text + "\"}");
  }

  private static void subscribe(String node, String msisdn) {
    Http.Response created =
        Http.post(
            api(node) + "/subscribers",
            platform.adminKey(node),
            "{\"msisdn\":\""
                + msisdn
                + "\",\"planId\":\"basic\",\"servicePassword\":\"Qw9-zx81\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  private static void awaitInbox(String node, String msisdn, Predicate<String> wanted) {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (true) {
      JsonNode inbox =
          json(Http.get(api(node) + "/handsets/" + msisdn + "/inbox", platform.partnerKey(node)));
      for (JsonNode message : inbox) {
        if (wanted.test(message.get("text").asText())) {
          return;
        }
      }
      assertThat(System.nanoTime()).as("waiting for the message in " + inbox).isLessThan(deadline);
      sleep();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String api(String node) {
    return platform.url(node) + "/api/v1";
  }

  private static JsonNode json(Http.Response response) {
    return response.json();
  }
}
