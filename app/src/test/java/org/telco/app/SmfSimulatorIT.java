package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http2.Http2Client;
import io.helidon.webclient.http2.Http2ClientProtocolConfig;
import io.helidon.webclient.http2.Http2ClientResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telco.app.charging.NetworkFunctionKeys;
import org.telco.app.demo.PlatformClient;
import org.telco.app.smf.NchfClient;
import org.telco.app.smf.NotifyListener;
import org.telco.app.smf.Provisioning;
import org.telco.app.smf.SmfSimulator;
import org.telco.app.smf.SmfTally;

/**
 * The SMF simulator against a real platform over HTTP and PostgreSQL: provisioned numbers' sessions
 * report usage that ends up, byte for byte, in their buckets; a number without data gets
 * QUOTA_LIMIT_REACHED and its session is released at once; a barred number's session hears
 * ABORT_CHARGING on its notifyUri and is released. The operator port also speaks HTTP/2 without TLS
 * (h2c), as TS 29.500 asks of an NF service.
 */
class SmfSimulatorIT {
  private static final long MB = 1_000_000L;

  private static TestPlatform platform;
  private static PlatformClient api;
  private static NchfClient client;
  private static NotifyListener notifications;

  @BeforeAll
  static void start() throws Exception {
    platform = TestPlatform.start();
    api =
        new PlatformClient(
            platform.url("alpha"), platform.adminKey("alpha"), platform.partnerKey("alpha"));
    client =
        new NchfClient(
            platform.url("alpha"),
            NetworkFunctionKeys.of("alpha", platform.adminKey("alpha")),
            Duration.ofSeconds(5),
            2);
    notifications = NotifyListener.start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    notifications.close();
    client.close();
    platform.close();
  }

  @Test
  void sessionsReportWhatTheyUsedAndTheBucketsRecordExactlyThat() throws Exception {
    List<String> numbers = Provisioning.numbers(8613800009501L, 3);
    new Provisioning(api, 5_000, List.of("addon-500m", "video-3g")).provision(numbers);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    SmfTally.Snapshot result =
        new SmfSimulator(
                client,
                notifications,
                numbers,
                settings(6, Duration.ofSeconds(3), Duration.ofSeconds(1)))
            .run(new PrintStream(printed, true, StandardCharsets.UTF_8));

    String summary = String.join("\n", SmfSimulator.summary(result, 3));
    assertThat(result.sessionsStarted()).as(summary).isEqualTo(6);
    assertThat(result.sessionsReleased()).isEqualTo(6);
    assertThat(result.sessionsFailed()).as(result.failures().toString()).isZero();
    assertThat(result.creates()).isEqualTo(6);
    assertThat(result.releases()).isEqualTo(6);
    assertThat(result.updates()).as(summary).isGreaterThanOrEqualTo(6);
    assertThat(result.denials()).isEmpty();
    assertThat(result.grantedBytes()).isGreaterThanOrEqualTo(result.reportedBytes());
    assertThat(result.reportedBytes()).isBetween(6 * 2 * MB, 6 * 2 * 2 * MB * 4);
    assertThat(usedBytes(numbers)).isEqualTo(result.reportedBytes());
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("requests/s");
    assertThat(String.join("\n", SmfSimulator.summary(result, 3)))
        .contains("sessions: 6 started, 6 released")
        .contains("latency p50");
  }

  @Test
  void aNumberWithNothingToSpendGetsQuotaLimitReachedAndItsSessionEnds() throws Exception {
    List<String> numbers = Provisioning.numbers(8613800009521L, 1);
    new Provisioning(api, 0, List.of()).provision(numbers);
    SmfTally.Snapshot result =
        new SmfSimulator(client, notifications, numbers, settings(1, Duration.ofSeconds(30), null))
            .run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(result.denials()).isEqualTo(Map.of("QUOTA_LIMIT_REACHED", 2L));
    assertThat(result.sessionsReleased()).isEqualTo(1);
    assertThat(result.updates()).isZero();
    assertThat(result.reportedBytes()).isZero();
  }

  @Test
  void aBarredNumbersSessionIsAbortedAndReleased() throws Exception {
    List<String> numbers = Provisioning.numbers(8613800009531L, 1);
    new Provisioning(api, 5_000, List.of("addon-500m")).provision(numbers);
    SmfSimulator simulator =
        new SmfSimulator(client, notifications, numbers, settings(1, Duration.ofSeconds(60), null));
    AtomicReference<SmfTally.Snapshot> result = new AtomicReference<>();
    Thread run =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    result.set(
                        simulator.run(
                            new PrintStream(
                                new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (simulator.snapshot().sessionsStarted() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(api.post("/subscribers/" + numbers.getFirst() + "/suspend", "").status())
        .isEqualTo(200);
    run.join(Duration.ofSeconds(30));
    assertThat(result.get()).as("the session ended long before its 60 s").isNotNull();
    assertThat(result.get().sessionsAborted()).isEqualTo(1);
    assertThat(result.get().sessionsReleased()).isEqualTo(1);
    assertThat(notifications.received()).isPositive();
    assertThat(usedBytes(numbers)).isEqualTo(result.get().reportedBytes());
  }

  @Test
  void theOperatorPortAnswersNchfOverH2cWithPriorKnowledge() {
    Http2Client h2c =
        Http2Client.builder()
            .baseUri(platform.url("alpha"))
            .protocolConfig(Http2ClientProtocolConfig.builder().priorKnowledge(true).build())
            .build();
    String create =
        "{\"subscriberIdentifier\":\"msisdn-8613899999999\","
            + "\"nfConsumerIdentification\":{\"nodeFunctionality\":\"SMF\"},"
            + "\"invocationTimeStamp\":\"2026-11-23T10:00:00Z\",\"invocationSequenceNumber\":0}";
    try (Http2ClientResponse answer =
        h2c.post(NchfClient.ROOT)
            .header(HeaderNames.AUTHORIZATION, "Bearer " + platform.adminKey("alpha"))
            .contentType(MediaTypes.APPLICATION_JSON)
            .submit(create)) {
      assertThat(answer.status().code()).isEqualTo(404);
      assertThat(answer.as(String.class)).contains("USER_UNKNOWN");
    }
  }

  /** 2 MB/s in web and video, 1 MB asked at a time (so a threshold report every 0.4 s). */
  private static SmfSimulator.Settings settings(
      int sessions, Duration duration, Duration progress) {
    return new SmfSimulator.Settings(
        sessions, duration, Duration.ofMillis(200), List.of(10L, 1001L), 2 * MB, MB, progress);
  }

  private static long usedBytes(List<String> numbers) {
    long used = 0;
    for (String msisdn : numbers) {
      JsonNode buckets = api.get("/subscribers/" + msisdn + "/buckets").body().path("buckets");
      for (JsonNode bucket : buckets) {
        used += bucket.path("usedBytes").asLong();
        assertThat(bucket.path("reservedBytes").asLong()).as("nothing left reserved").isZero();
      }
    }
    return used;
  }
}
