package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.telco.app.charging.SponsorKeys;
import org.telco.app.console.Browser;

/**
 * The operator console's records of what happened through the API, in a real browser (issue 10): a
 * device binding on its payer's page, and a partner's settled day on the partners page. Apart from
 * {@link ConsoleBrowserIT} because it adds subscribers and advances the simulated clock.
 */
class ConsoleRecordsBrowserIT {
  private static final String DATA_SIM = "8613800009001";
  private static final String PAYER = "8613800009002";
  private static final long MB = 1_000_000;

  private static TestPlatform platform;
  private static ChromeDriver browser;
  private static String base;
  private static String api;
  private static String admin;

  @BeforeAll
  static void start() throws Exception {
    platform = TestPlatform.start(List.of("clearinghouse", "alpha"));
    base = platform.url("alpha");
    api = base + "/api/v1";
    admin = platform.adminKey("alpha");
    subscribe(DATA_SIM);
    subscribe(PAYER);
    Http.Response paid =
        Http.post(
            api + "/payments",
            admin,
            "{\"id\":\"records-it-1\",\"msisdn\":\"%s\",\"amountFen\":5000,\"payer\":\"%s\",\"channel\":\"SANDBOX\"}"
                .formatted(PAYER, PAYER));
    assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    browser = Browser.start();
    Credentials.NodeCredentials login = platform.platform.credentials().of("alpha");
    Browser.logIn(browser, base, login.careUser(), login.carePassword());
    waitFor(() -> browser.getCurrentUrl().endsWith("/console/dashboard"));
  }

  @AfterAll
  static void stop() throws Exception {
    Browser.quitThenClose(browser, platform);
  }

  @Test
  void thePayersPageShowsTheDeviceItBindsAndLinksToItsHandset() throws Exception {
    String device = "TVBOX-RECORDS-1";
    Http.Response registered =
        Http.post(
            api + "/devices",
            admin,
            "{\"deviceId\":\"%s\",\"dataSim\":\"%s\"}".formatted(device, DATA_SIM));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    JsonNode prompt =
        Http.getWith(
                api + "/devices/" + device + "/binding",
                Map.of(
                    "Authorization",
                    "Device " + device + ":" + registered.json().get("secret").asText()))
            .json()
            .get("prompt");
    Http.Response sent =
        Http.post(
            api + "/handsets/" + PAYER + "/sms",
            platform.partnerKey("alpha"),
            "{\"to\":\"%s\",\"text\":\"%s\"}"
                .formatted(prompt.get("shortCode").asText(), prompt.get("text").asText()));
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);

    String devices =
        untilShown(
            "/console/subscribers/" + PAYER,
            () -> browser.findElement(By.id("devices")).getText(),
            text -> text.contains(device) && text.contains("ACTIVE"));
    assertThat(devices).contains(device);
    assertThat(browser.findElement(By.id("ports-none")).getText()).isEqualTo("None.");
    Browser.screenshot(browser, "subscriber-device");

    browser.findElement(By.id("handset-link")).click();
    waitFor(() -> browser.getCurrentUrl().endsWith("/console/handset/" + PAYER));
  }

  @Test
  void thePartnersPageShowsTheDaySettledWhenThePartnerAskedForItsStatement() throws Exception {
    String user = "8613800009003";
    subscribe(user);
    Http.Response paid =
        Http.post(
            api + "/payments",
            admin,
            "{\"id\":\"records-it-2\",\"msisdn\":\"%s\",\"amountFen\":5000,\"payer\":\"%s\",\"channel\":\"SANDBOX\"}"
                .formatted(user, user));
    assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    Http.Response bought =
        Http.post(
            api + "/traffic/purchases",
            admin,
            "{\"id\":\"records-it-3\",\"msisdn\":\"%s\",\"productId\":\"video-3g\"}"
                .formatted(user));
    assertThat(bought.status()).as(bought.body()).isEqualTo(201);
    chargeVideo(user, 6 * MB);

    LocalDate today =
        LocalDate.ofInstant(platform.platform.clock().instant(), ZoneId.of("Asia/Shanghai"));
    assertThat(Http.post(api + "/admin/clock/advance", admin, "{\"seconds\":86400}").status())
        .isEqualTo(200);
    browser.get(base + "/console/partners");
    assertThat(browser.findElement(By.className("settled-none")).getText())
        .as("the page settles nothing itself, even after the day closed")
        .isEqualTo("No day settled yet.");
    JsonNode statement =
        Http.get(
                api + "/partners/videoapp/usage?from=" + today + "&to=" + today,
                SponsorKeys.of(platform.partnerKey("alpha"), "videoapp"))
            .json();
    assertThat(statement.get("settledFen").asLong()).as(statement.toString()).isEqualTo(3);

    String settled =
        untilShown(
            "/console/partners",
            () -> browser.findElement(By.className("settled")).getText(),
            text -> text.contains("sponsor:videoapp:" + today));
    assertThat(settled).contains(today.toString(), "6.0 MB", "0.03");
    Browser.screenshot(browser, "partners-settled");
  }

  /** Opens {@code path} again until {@code read} answers what {@code shown} accepts. */
  private static String untilShown(String path, Supplier<String> read, Predicate<String> shown) {
    return new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(300))
        .ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class)
        .until(
            driver -> {
              driver.get(base + path);
              String text = read.get();
              return shown.test(text) ? text : null;
            });
  }

  private static void waitFor(BooleanSupplier condition) {
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(driver -> condition.getAsBoolean());
  }

  private static void subscribe(String msisdn) {
    Http.Response created =
        Http.post(
            api + "/subscribers",
            admin,
            "{\"msisdn\":\"%s\",\"planId\":\"standard\",\"servicePassword\":\"Kx7-pw19q\"}"
                .formatted(msisdn));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  /** A charging session of the video app's rating group that reports {@code bytes} and ends. */
  private static void chargeVideo(String msisdn, long bytes) throws Exception {
    HttpResponse<String> created =
        nchf("", chargingRequest(msisdn, 0, "\"requestedUnit\":{\"totalVolume\":10000000}"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    String ref = location.substring(location.lastIndexOf('/') + 1);
    String used =
        "\"usedUnitContainer\":[{\"localSequenceNumber\":1,\"totalVolume\":" + bytes + "}]";
    HttpResponse<String> released = nchf("/" + ref + "/release", chargingRequest(msisdn, 1, used));
    assertThat(released.statusCode()).as(released.body()).isEqualTo(204);
  }

  private static String chargingRequest(String msisdn, long sequence, String unit) {
    return "{\"subscriberIdentifier\":\"msisdn-"
        + msisdn
        + "\",\"nfConsumerIdentification\":{\"nodeFunctionality\":\"SMF\"},"
        + "\"invocationTimeStamp\":\""
        + Instant.now()
        + "\",\"invocationSequenceNumber\":"
        + sequence
        + ",\"multipleUnitUsage\":[{\"ratingGroup\":1001,"
        + unit
        + "}]}";
  }

  private static HttpResponse<String> nchf(String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/nchf-convergedcharging/v3/chargingdata" + path))
            .header("Authorization", "Bearer " + admin)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
