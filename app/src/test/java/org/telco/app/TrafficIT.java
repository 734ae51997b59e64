package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telco.app.charging.NetworkFunctionKeys;
import org.telco.app.charging.SponsorKeys;
import org.telco.app.nchf.NchfSchemas;

/**
 * Flow F5 end to end over real HTTP and PostgreSQL: packs bought through the two-phase purchase, a
 * card bound to a non-designated user, Nchf sessions drawing the directed bucket for the video app
 * and the general one for the web, usage posted, a barred number's session told to stop, the
 * partner's statement settled once; and the spec's errors for bad requests.
 */
class TrafficIT {
  private static final AtomicLong NUMBERS = new AtomicLong(8613800009100L);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final long MB = 1_000_000L;

  private static TestPlatform platform;
  private static OperatorCalls alpha;
  private static String api;
  private static String nchf;
  private static String admin;
  private static String networkFunction;
  private static HttpServer smf;
  private static final List<String> NOTIFICATIONS = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    platform = TestPlatform.start();
    alpha = OperatorCalls.of(platform, "alpha");
    api = platform.url("alpha") + "/api/v1";
    nchf = platform.url("alpha") + "/nchf-convergedcharging/v3/chargingdata";
    admin = platform.adminKey("alpha");
    networkFunction = NetworkFunctionKeys.of("alpha", admin);
    smf = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    smf.createContext(
        "/notify",
        exchange -> {
          NOTIFICATIONS.add(
              exchange.getRequestURI().getPath()
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes()));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    smf.start();
  }

  @AfterAll
  static void stop() {
    smf.stop(0);
    platform.close();
  }

  @Test
  void packsAndACardPayForTheAppsTheyAreForAndThePartnerSettlesOnce() throws Exception {
    String user = subscriber(5_000);
    String friend = subscriber(0);
    JsonNode addOn = buy("it-p-1", user, "addon-500m", 201);
    assertThat(addOn.get("steps").findValuesAsText("step"))
        .containsExactly(
            "PRE_AUTHENTICATED", "PRE_DEDUCTED", "AUTHENTICATION_CONFIRMED", "DEDUCTION_CONFIRMED");
    buy("it-p-1", user, "addon-500m", 200);
    buy("it-p-2", user, "video-3g", 201);
    String card = buy("it-c-1", user, "card-video-1g", 201).get("cardId").asText();
    assertThat(alpha.subscriber(user).get("balanceFen").asLong())
        .isEqualTo(5_000 - 500 - 900 - 800);

    Http.Response bound =
        Http.post(
            api + "/traffic/cards/" + card + "/bind", admin, "{\"msisdn\":\"" + friend + "\"}");
    assertThat(bound.status()).as(bound.body()).isEqualTo(201);
    assertThat(bound.json().get("bucket").get("ratingGroups").toString()).isEqualTo("[1001]");
    assertThat(bound.json().get("card").get("designated").asBoolean()).isFalse();

    HttpResponse<String> created =
        charging(
            "",
            request(
                user,
                0,
                "{\"ratingGroup\":1001,\"requestedUnit\":{\"totalVolume\":10000000}},{\"ratingGroup\":10,\"requestedUnit\":{\"totalVolume\":10000000}}"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/nchf-convergedcharging/v3/chargingdata/");
    assertThat(NchfSchemas.validate("ChargingDataResponse", created.body())).isEmpty();
    JsonNode grants = JSON.readTree(created.body()).get("multipleUnitInformation");
    assertThat(grants.findValuesAsText("resultCode")).containsExactly("SUCCESS", "SUCCESS");
    assertThat(grants.get(0).get("grantedUnit").get("totalVolume").asLong()).isEqualTo(10 * MB);

    JsonNode buckets =
        Http.get(api + "/subscribers/" + user + "/buckets", admin).json().get("buckets");
    assertThat(buckets.get(0).get("productId").asText()).isEqualTo("video-3g");
    assertThat(buckets.get(0).get("reservedBytes").asLong()).isEqualTo(10 * MB);
    assertThat(buckets.get(1).get("productId").asText()).isEqualTo("addon-500m");
    assertThat(buckets.get(1).get("reservedBytes").asLong()).isEqualTo(10 * MB);

    String ref = location.substring(location.lastIndexOf('/') + 1);
    HttpResponse<String> updated =
        charging(
            "/" + ref + "/update",
            request(
                user,
                1,
                "{\"ratingGroup\":1001,\"requestedUnit\":{\"totalVolume\":10000000},\"usedUnitContainer\":[{\"localSequenceNumber\":1,\"totalVolume\":4000000}]},{\"ratingGroup\":10,\"usedUnitContainer\":[{\"localSequenceNumber\":1,\"totalVolume\":3000000}]}"));
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(NchfSchemas.validate("ChargingDataResponse", updated.body())).isEmpty();
    HttpResponse<String> retried =
        charging(
            "/" + ref + "/update",
            request(
                    user,
                    1,
                    "{\"ratingGroup\":1001,\"requestedUnit\":{\"totalVolume\":10000000},\"usedUnitContainer\":[{\"localSequenceNumber\":1,\"totalVolume\":4000000}]},{\"ratingGroup\":10,\"usedUnitContainer\":[{\"localSequenceNumber\":1,\"totalVolume\":3000000}]}")
                .replace(
                    "\"invocationSequenceNumber\":1",
                    "\"invocationSequenceNumber\":1,\"retransmissionIndicator\":true"));
    assertThat(JSON.readTree(retried.body()).get("multipleUnitInformation"))
        .isEqualTo(JSON.readTree(updated.body()).get("multipleUnitInformation"));

    buckets = Http.get(api + "/subscribers/" + user + "/buckets", admin).json().get("buckets");
    assertThat(buckets.get(0).get("usedBytes").asLong()).isEqualTo(4 * MB);
    assertThat(buckets.get(1).get("usedBytes").asLong()).isEqualTo(3 * MB);
    assertThat(buckets.get(1).get("reservedBytes").asLong()).isZero();

    HttpResponse<String> released =
        charging(
            "/" + ref + "/release",
            request(
                user,
                2,
                "{\"ratingGroup\":1001,\"usedUnitContainer\":[{\"localSequenceNumber\":2,\"totalVolume\":2000000}]}"));
    assertThat(released.statusCode()).isEqualTo(204);
    assertThat(charging("/" + ref + "/update", request(user, 3, "")).statusCode()).isEqualTo(404);

    LocalDate today =
        LocalDate.ofInstant(platform.platform.clock().instant(), ZoneId.of("Asia/Shanghai"));
    String sponsor = SponsorKeys.of(platform.partnerKey("alpha"), "videoapp");
    String period = api + "/partners/videoapp/usage?from=" + today + "&to=" + today;
    JsonNode sameDay = Http.get(period, sponsor).json();
    assertThat(sameDay.get("apps").get(0).get("totalBytes").asLong()).isEqualTo(6 * MB);
    assertThat(sameDay.get("settlement")).as("today is not closed").isEmpty();
    assertThat(Http.get(period, platform.partnerKey("alpha")).status()).isEqualTo(403);
    assertThat(Http.get(api + "/partners/nobody/usage?from=" + today, sponsor).status())
        .as("a sponsor key learns nothing of other partners")
        .isEqualTo(403);
    assertThat(
            Http.post(
                    api + "/payments",
                    sponsor,
                    "{\"id\":\"sponsor-pays\",\"msisdn\":\"%s\",\"amountFen\":100,\"payer\":\"x\"}"
                        .formatted(user))
                .status())
        .as("a sponsor key opens its statement, not the partner API")
        .isEqualTo(403);

    assertThat(Http.post(api + "/admin/clock/advance", admin, "{\"seconds\":86400}").status())
        .isEqualTo(200);
    JsonNode settled = Http.get(period, sponsor).json();
    assertThat(settled.get("settlement").get(0).get("outcome").asText()).isEqualTo("charged");
    // 6 MB of video at 500 fen per gigabyte: 3 fen, rounded up.
    assertThat(settled.get("settledFen").asLong()).isEqualTo(3);
    assertThat(settled.get("balanceFen").asLong()).isEqualTo(-3);
    JsonNode again = Http.get(period, sponsor).json();
    assertThat(again.get("settlement").get(0).get("outcome").asText()).isEqualTo("charged-before");
    assertThat(again.get("balanceFen").asLong()).isEqualTo(-3);
  }

  @Test
  void aBarredNumbersSessionIsToldToStopAndGetsNoMoreQuota() throws Exception {
    String user = subscriber(2_000);
    buy("it-p-9", user, "addon-500m", 201);
    String notify = "http://127.0.0.1:" + smf.getAddress().getPort() + "/notify/" + user;
    HttpResponse<String> created =
        charging(
            "",
            request(user, 0, "{\"ratingGroup\":10,\"requestedUnit\":{\"totalVolume\":5000000}}")
                .replace(
                    "\"invocationSequenceNumber\"",
                    "\"notifyUri\":\"" + notify + "\",\"invocationSequenceNumber\""));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();

    assertThat(Http.post(api + "/subscribers/" + user + "/suspend", admin, "").status())
        .isEqualTo(200);

    long deadline = System.nanoTime() + 15_000_000_000L;
    while (NOTIFICATIONS.stream().noneMatch(n -> n.startsWith("/notify/" + user))
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(NOTIFICATIONS)
        .contains("/notify/" + user + " {\"notificationType\":\"ABORT_CHARGING\"}");
    HttpResponse<String> denied =
        charging(
            location.substring(location.lastIndexOf('/')) + "/update",
            request(
                user,
                1,
                "{\"ratingGroup\":10,\"requestedUnit\":{},\"usedUnitContainer\":[{\"localSequenceNumber\":1,\"totalVolume\":5000000}]}"));
    assertThat(
            JSON.readTree(denied.body())
                .get("multipleUnitInformation")
                .get(0)
                .get("resultCode")
                .asText())
        .isEqualTo("END_USER_SERVICE_DENIED");
    assertThat(
            charging("", request(user, 0, "{\"ratingGroup\":10,\"requestedUnit\":{}}"))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void badRequestsGetTheSpecsErrors() throws Exception {
    HttpResponse<String> malformed = charging("", "{\"nfConsumerIdentification\":");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(JSON.readTree(malformed.body()).get("cause").asText())
        .isEqualTo("INVALID_MSG_FORMAT");

    HttpResponse<String> missing =
        charging(
            "", request("8613800000001", 0, "").replace("\"invocationSequenceNumber\":0,", ""));
    assertThat(missing.statusCode()).isEqualTo(400);
    JsonNode problem = JSON.readTree(missing.body());
    assertThat(problem.get("cause").asText()).isEqualTo("MANDATORY_IE_MISSING");
    assertThat(problem.get("invalidParams").get(0).get("param").asText())
        .isEqualTo("/invocationSequenceNumber");
    assertThat(NchfSchemas.validate("TS29571_CommonData.yaml#ProblemDetails", missing.body()))
        .isEmpty();

    HttpResponse<String> unknown =
        charging("", request("8613899999999", 0, "{\"ratingGroup\":10,\"requestedUnit\":{}}"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).get("cause").asText()).isEqualTo("USER_UNKNOWN");

    assertThat(charging("/nosuchsession1/update", request("8613800000001", 1, "")).statusCode())
        .isEqualTo(404);
    assertThat(
            CLIENT
                .send(
                    HttpRequest.newBuilder(URI.create(nchf))
                        .POST(HttpRequest.BodyPublishers.ofString(request("8613800000001", 0, "")))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void aMonthlyPacksRenewalIsCancelledIdempotentlyAndAnAddOnHasNone() {
    String user = subscriber(5_000);
    buy("renewing-" + user, user, "basic-1g", 201);
    buy("one-off-" + user, user, "addon-500m", 201);
    String renewals = api + "/subscribers/" + user + "/traffic/renewals/";

    assertThat(Http.delete(renewals + "basic-1g", admin).status()).isEqualTo(204);
    Http.Response again = Http.delete(renewals + "basic-1g", admin);
    Http.Response addOn = Http.delete(renewals + "addon-500m", admin);
    Http.Response bad = Http.delete(renewals + "Basic_1G", admin);

    assertThat(again.status()).isEqualTo(204);
    assertThat(addOn.status()).isEqualTo(404);
    assertThat(addOn.json().get("code").asText()).isEqualTo("renewal-unknown");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("productId");
    Http.Response stranger =
        Http.delete(api + "/subscribers/8613899999999/traffic/renewals/basic-1g", admin);
    assertThat(stranger.json().get("code").asText()).isEqualTo("subscriber-not-found");
    JsonNode products = Http.get(api + "/traffic/products", null).json();
    assertThat(products.findValuesAsText("renewsMonthly")).contains("true", "false");
  }

  @Test
  void theNetworkFunctionKeyChargesAndOpensNothingElse() throws Exception {
    String user = subscriber(1_000);
    assertThat(
            charging("", request(user, 0, "{\"ratingGroup\":10,\"requestedUnit\":{}}"))
                .statusCode())
        .isEqualTo(201);
    assertThat(Http.get(api + "/subscribers/" + user, networkFunction).status()).isEqualTo(403);
    assertThat(
            Http.post(
                    api + "/traffic/purchases",
                    networkFunction,
                    "{\"id\":\"smf-buys\",\"msisdn\":\"%s\",\"productId\":\"addon-500m\"}"
                        .formatted(user))
                .status())
        .isEqualTo(403);
    assertThat(Http.post(nchf, platform.partnerKey("alpha"), request(user, 0, "")).status())
        .as("the partner key does not charge")
        .isEqualTo(403);
  }

  @Test
  void anSmfNamingTheSubscriberOnlyBySupiIsChargedOnceItsSimIsOnRecord() throws Exception {
    String user = subscriber(1_000);
    String other = subscriber(0);
    String imsi = "46000" + user.substring(user.length() - 10);
    String supiOnly =
        request(user, 0, "{\"ratingGroup\":10,\"requestedUnit\":{}}")
            .replace("msisdn-" + user, "imsi-" + imsi);
    String sim = api + "/subscribers/" + user + "/sim";

    HttpResponse<String> unknown = charging("", supiOnly);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("USER_UNKNOWN");
    assertThat(Http.get(sim, admin).status()).isEqualTo(404);

    Http.Response given = Http.put(sim, admin, "{\"imsi\":\"%s\"}".formatted(imsi));
    assertThat(given.status()).isEqualTo(200);
    assertThat(given.json().get("imsi").asText()).isEqualTo(imsi);
    assertThat(Http.put(sim, admin, "{\"imsi\":\"%s\"}".formatted(imsi)).status()).isEqualTo(200);
    assertThat(Http.get(sim, admin).json().get("msisdn").asText()).isEqualTo(user);

    HttpResponse<String> charged = charging("", supiOnly);
    assertThat(charged.statusCode()).as(charged.body()).isEqualTo(201);
    assertThat(charged.body()).contains("grantedUnit");

    Http.Response taken =
        Http.put(
            api + "/subscribers/" + other + "/sim", admin, "{\"imsi\":\"%s\"}".formatted(imsi));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.json().get("code").asText()).isEqualTo("sim-taken");
    Http.Response bad = Http.put(sim, admin, "{\"imsi\":\"46000-12\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("imsi");
    assertThat(
            Http.put(api + "/subscribers/8613899999999/sim", admin, "{\"imsi\":\"460009\"}")
                .status())
        .isEqualTo(404);
    assertThat(Http.put(sim, networkFunction, "{\"imsi\":\"%s\"}".formatted(imsi)).status())
        .isEqualTo(403);
  }

  private static String subscriber(long moneyFen) {
    String msisdn = Long.toString(NUMBERS.incrementAndGet());
    alpha.subscribe(msisdn, "Traffic-9x");
    if (moneyFen > 0) {
      alpha.pay("pay-" + msisdn, msisdn, moneyFen);
    }
    return msisdn;
  }

  private static JsonNode buy(String id, String msisdn, String product, int status) {
    Http.Response answer =
        Http.post(
            api + "/traffic/purchases",
            admin,
            "{\"id\":\"%s\",\"msisdn\":\"%s\",\"productId\":\"%s\"}"
                .formatted(id, msisdn, product));
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    return answer.json();
  }

  /** A ChargingDataRequest naming {@code msisdn} by GPSI, with these multipleUnitUsage entries. */
  private static String request(String msisdn, long sequence, String units) {
    return "{\"subscriberIdentifier\":\"msisdn-"
        + msisdn
        + "\",\"nfConsumerIdentification\":{\"nodeFunctionality\":\"SMF\"},"
        + "\"invocationTimeStamp\":\""
        + Instant.now()
        + "\",\"invocationSequenceNumber\":"
        + sequence
        + ","
        + "\"multipleUnitUsage\":["
        + units
        + "]}";
  }

  private static HttpResponse<String> charging(String path, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(nchf + path))
            .header("Authorization", "Bearer " + networkFunction)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
