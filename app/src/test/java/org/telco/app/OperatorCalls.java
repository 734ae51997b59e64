package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Predicate;

/**
 * What the HTTP tests ask of an operator node again and again: subscribe a number, top it up, text
 * from a handset, wait for a text in a handset's inbox, read a subscriber. Each call checks its
 * answer, so a test reads as its story.
 */
final class OperatorCalls {
  private static final long INBOX_WAIT_NANOS = 15_000_000_000L;

  private final String api;
  private final String admin;
  private final String partner;

  /**
   * Calls to the node at {@code nodeUrl} with its keys.
   *
   * @param nodeUrl the node's base URL, without {@code /api/v1}
   */
  OperatorCalls(String nodeUrl, String admin, String partner) {
    this.api = nodeUrl + "/api/v1";
    this.admin = admin;
    this.partner = partner;
  }

  /** Calls to operator {@code node} of a running test platform. */
  static OperatorCalls of(TestPlatform platform, String node) {
    return new OperatorCalls(
        platform.url(node), platform.adminKey(node), platform.partnerKey(node));
  }

  /** Subscribes {@code msisdn} on the standard plan with {@code password}. */
  String subscribe(String msisdn, String password) {
    Http.Response created =
        Http.post(
            api + "/subscribers",
            admin,
            "{\"msisdn\":\"%s\",\"planId\":\"standard\",\"servicePassword\":\"%s\"}"
                .formatted(msisdn, password));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return msisdn;
  }

  /** Tops {@code msisdn} up with {@code amountFen}, paid by itself, under {@code paymentId}. */
  void pay(String paymentId, String msisdn, long amountFen) {
    Http.Response paid =
        Http.post(
            api + "/payments",
            admin,
            "{\"id\":\"%s\",\"msisdn\":\"%s\",\"amountFen\":%d,\"payer\":\"%s\"}"
                .formatted(paymentId, msisdn, amountFen, msisdn));
    assertThat(paid.status()).as(paid.body()).isEqualTo(201);
  }

  /** The handset {@code from} texts {@code text} to {@code to}. */
  void text(String from, String to, String text) {
    Http.Response sent =
        Http.post(
            api + "/handsets/" + from + "/sms",
            partner,
            "{\"to\":\"" + to + "\",\"text\":\"" + text + "\"}");
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
  }

  /** Whether a text {@code wanted} accepts reaches the inbox of {@code msisdn} within 15 s. */
  boolean awaitText(String msisdn, Predicate<String> wanted) {
    long deadline = System.nanoTime() + INBOX_WAIT_NANOS;
    while (System.nanoTime() < deadline) {
      for (JsonNode message : Http.get(api + "/handsets/" + msisdn + "/inbox", partner).json()) {
        if (wanted.test(message.get("text").asText())) {
          return true;
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /** The subscriber as the API shows it. */
  JsonNode subscriber(String msisdn) {
    Http.Response answer = Http.get(api + "/subscribers/" + msisdn, admin);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }
}
