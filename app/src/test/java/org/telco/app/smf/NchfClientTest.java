package org.telco.app.smf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telco.app.nchf.ChargingDataRequest;
import org.telco.web.Json;

/**
 * The SMF's retransmission against a CHF played by a small HTTP server: an answer that does not
 * come within the timeout, or a 5xx, makes the client send the same request again marked with
 * retransmissionIndicator; after the last retransmission it gives up.
 */
class NchfClientTest {
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();
  private HttpServer chf;
  private volatile int slowCalls;
  private volatile int failingCalls;

  @BeforeEach
  void start() throws Exception {
    chf = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    chf.createContext(
        NchfClient.ROOT,
        exchange -> {
          try (exchange) {
            received.add(Json.mapper().readTree(exchange.getRequestBody().readAllBytes()));
            int call = calls.incrementAndGet();
            if (call <= slowCalls) {
              sleep(1_000);
            }
            if (call <= failingCalls) {
              exchange.sendResponseHeaders(500, -1);
              return;
            }
            byte[] body =
                "{\"invocationTimeStamp\":\"2026-11-23T10:00:00Z\",\"invocationSequenceNumber\":1}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    chf.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    chf.start();
  }

  @AfterEach
  void stop() {
    chf.stop(0);
  }

  @Test
  void anUnansweredRequestIsSentAgainMarkedAsARetransmission() throws Exception {
    slowCalls = 1;
    try (NchfClient client = client(2)) {
      NchfClient.Answer answer = client.update("ref-1", update());
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.retransmissions()).isEqualTo(1);
      assertThat(answer.response().invocationSequenceNumber()).isEqualTo(1);
    }
    assertThat(received).hasSize(2);
    assertThat(received.get(0).has("retransmissionIndicator")).isFalse();
    assertThat(received.get(1).get("retransmissionIndicator").asBoolean()).isTrue();
    assertThat(received.get(1).get("invocationSequenceNumber").asLong()).isEqualTo(1);
    assertThat(received.get(1).get("multipleUnitUsage"))
        .isEqualTo(received.get(0).get("multipleUnitUsage"));
  }

  @Test
  void aServerErrorIsRetransmittedToo() throws Exception {
    failingCalls = 1;
    try (NchfClient client = client(2)) {
      NchfClient.Answer answer = client.update("ref-1", update());
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.retransmissions()).isEqualTo(1);
    }
  }

  @Test
  void afterTheLastRetransmissionTheRequestFails() throws Exception {
    slowCalls = 3;
    try (NchfClient client = client(1)) {
      NchfClient.Answer answer = client.update("ref-1", update());
      assertThat(answer.status()).isZero();
      assertThat(answer.cause()).isEqualTo("TIMEOUT");
      assertThat(answer.retransmissions()).isEqualTo(1);
    }
  }

  private NchfClient client(int retransmissions) {
    return new NchfClient(
        "http://127.0.0.1:" + chf.getAddress().getPort(),
        "tk_admin_test",
        Duration.ofMillis(300),
        retransmissions);
  }

  private static ChargingDataRequest update() {
    PduSession session =
        new PduSession(
            "8613800001001",
            List.of(10L),
            1_000_000,
            10_000_000,
            null,
            "5f1c0d2e-8a4b-4c3d-9e2f-0a1b2c3d4e5f");
    session.create(Instant.EPOCH);
    session.answered(null, 0);
    return session.release(0, Instant.EPOCH);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
