package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.telco.app.console.Browser;

/**
 * The operator console in a real browser (issue 10): headless chromium against a platform started
 * as {@code telco serve} starts it, with alpha's demo subscribers. Each test logs in afresh;
 * screenshots land in {@code target/screenshots}.
 */
class ConsoleBrowserIT {
  private static final String DEMO = "8613800001002";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static TestPlatform platform;
  private static String base;
  private ChromeDriver browser;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = TestPlatform.startWithDemoData(List.of("clearinghouse", "alpha"));
    base = platform.url("alpha");
    Http.Response bought =
        Http.post(
            base + "/api/v1/traffic/purchases",
            platform.adminKey("alpha"),
            "{\"id\":\"console-it-1\",\"msisdn\":\"" + DEMO + "\",\"productId\":\"addon-500m\"}");
    assertThat(bought.status()).as(bought.body()).isEqualTo(201);
  }

  @AfterAll
  static void stopPlatform() {
    if (platform != null) {
      platform.close();
    }
  }

  @BeforeEach
  void startBrowser() throws Exception {
    browser = Browser.start();
  }

  @AfterEach
  void quitBrowser() {
    browser.quit();
  }

  @Test
  void wrongLoginIsRefusedWith401AndTheLoginPageAgain() throws Exception {
    browser.get(base + "/console/dashboard");
    assertThat(browser.getCurrentUrl()).endsWith("/console/login");
    logIn(admin(), "not-the-password");
    assertThat(browser.findElement(By.id("login-error")).getText())
        .contains("Wrong user or password");
    assertThat(browser.findElement(By.id("user")).getAttribute("aria-describedby"))
        .isEqualTo("login-error");
    Browser.screenshot(browser, "login-refused");

    HttpResponse<String> refused =
        postForm("/console/login", "", "user", admin(), "password", "wrong");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("Wrong user or password").doesNotContain("value=\"wrong\"");
    HttpResponse<String> anonymous = get("/console/subscribers", "");
    assertThat(anonymous.statusCode()).isEqualTo(303);
    assertThat(anonymous.headers().firstValue("Location")).contains("/console/login");
    HttpResponse<String> polled =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/console/dashboard/figures"))
                .header("HX-Request", "true")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(polled.headers().firstValue("HX-Redirect")).contains("/console/login");
    assertThat(polled.body()).isEmpty();
  }

  @Test
  void repeatedWrongLoginsForOneUserAreThrottledWithoutCheckingThePassword() throws Exception {
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> guess =
          postForm("/console/login", "", "user", "guessed-user", "password", "guess-" + i);
      assertThat(guess.statusCode()).isEqualTo(401);
    }
    HttpResponse<String> throttled =
        postForm("/console/login", "", "user", "Guessed-User", "password", "guess-10");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.body()).contains("Too many wrong logins");
    assertThat(throttled.headers().allValues("Set-Cookie")).isEmpty();

    HttpResponse<String> otherUser =
        postForm("/console/login", "", "user", admin(), "password", "wrong");
    assertThat(otherUser.statusCode()).as("another name is still checked").isEqualTo(401);
  }

  @Test
  void adminSeesTheDashboardFiguresAndTheChart() throws Exception {
    logIn(admin(), credentials().consolePassword());
    assertThat(browser.getCurrentUrl()).endsWith("/console/dashboard");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    assertThat(text("fig-subscribers")).isEqualTo("5");
    assertThat(text("fig-topups")).isEqualTo("5");
    assertThat(text("fig-barred")).isEqualTo("0");
    WebElement chart = browser.findElement(By.id("traffic-chart"));
    waitUntil(() -> chart.getAttribute("data-points") != null);
    assertThat(Integer.parseInt(chart.getAttribute("data-points"))).isPositive();
    Browser.screenshot(browser, "dashboard");

    long before = Long.parseLong(text("fig-sms-total").split(" ")[0]);
    Http.post(
        base + "/api/v1/handsets/" + DEMO + "/sms",
        platform.adminKey("alpha"),
        "{\"to\":\"10086\",\"text\":\"YE\"}");
    waitUntil(() -> Long.parseLong(text("fig-sms-total").split(" ")[0]) > before);
  }

  @Test
  void subscriberIsFoundByPrefixAndShowsBalanceAndBuckets() throws Exception {
    String imsi = "46000" + DEMO.substring(DEMO.length() - 10);
    assertThat(
            Http.put(
                    base + "/api/v1/subscribers/" + DEMO + "/sim",
                    platform.adminKey("alpha"),
                    "{\"imsi\":\"" + imsi + "\"}")
                .status())
        .isEqualTo(200);
    logIn(credentials().careUser(), credentials().carePassword());
    browser.findElement(By.linkText("Subscribers")).click();
    WebElement prefix = await(By.id("prefix"));
    prefix.sendKeys("86138000010", Keys.ENTER);
    waitUntil(() -> browser.findElements(By.cssSelector("#results tbody tr")).size() == 5);
    browser.findElement(By.linkText(DEMO)).click();
    assertThat(text("msisdn")).isEqualTo(DEMO);
    assertThat(text("state")).isEqualTo("ACTIVE");
    assertThat(text("balance")).matches("\\d+\\.\\d\\d");
    assertThat(text("sim")).isEqualTo(imsi);
    assertThat(browser.findElement(By.id("buckets")).getText()).contains("addon-500m", "500.0 MB");
    assertThat(browser.findElement(By.id("ledger")).getText()).contains("demo-topup-" + DEMO);
    Browser.screenshot(browser, "subscriber");

    browser.get(base + "/console/subscribers?prefix=86x");
    assertThat(browser.findElement(By.id("prefix-error")).getText()).contains("digits");
  }

  @Test
  void careCannotChangeAPlanWhateverThePageShows() throws Exception {
    logIn(credentials().careUser(), credentials().carePassword());
    browser.get(base + "/console/plans");
    assertThat(browser.findElements(By.id("monthlyFee-basic"))).isEmpty();
    assertThat(text("read-only")).contains("Only admins");
    Browser.screenshot(browser, "plans-care");

    String cookie = sessionCookie();
    String csrf = browser.findElement(By.name("csrf")).getAttribute("value");
    HttpResponse<String> forbidden =
        postForm("/console/plans/basic", cookie, "csrf", csrf, "monthlyFee", "1");
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(planFeeFen("basic")).isEqualTo(800);
  }

  @Test
  void adminChangesAFeeAndABadValueIsShownBesideTheField() throws Exception {
    logIn(admin(), credentials().consolePassword());
    browser.get(base + "/console/plans");
    WebElement fee = browser.findElement(By.id("monthlyFee-plus"));
    fee.clear();
    fee.sendKeys("12,5", Keys.ENTER);
    WebElement error = await(By.id("monthlyFee-plus-error"));
    assertThat(error.getText()).contains("amount in yuan");
    assertThat(browser.findElement(By.id("monthlyFee-plus")).getAttribute("aria-describedby"))
        .isEqualTo("monthlyFee-plus-error");
    Browser.screenshot(browser, "plans-bad-value");

    HttpResponse<String> bad =
        postForm("/console/plans/plus", sessionCookie(), "csrf", csrf(), "monthlyFee", "-3");
    assertThat(bad.statusCode()).isEqualTo(400);
    HttpResponse<String> stale =
        postForm("/console/plans/plus", sessionCookie(), "csrf", "x", "monthlyFee", "3");
    assertThat(stale.statusCode()).isEqualTo(403);

    fee = browser.findElement(By.id("monthlyFee-plus"));
    fee.clear();
    fee.sendKeys("39.50", Keys.ENTER);
    waitUntil(() -> text("fee-plus").equals("39.50"));
    assertThat(planFeeFen("plus")).isEqualTo(3_950);
  }

  @Test
  void pagesFitAPhoneScreen() throws Exception {
    logIn(admin(), credentials().consolePassword());
    browser.manage().window().setSize(new Dimension(390, 844));
    for (String page : List.of("dashboard", "subscribers/" + DEMO, "plans", "partners")) {
      browser.get(base + "/console/" + page);
      Object overflow =
          browser.executeScript(
              "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      Object wide =
          browser.executeScript(
              "var w=document.documentElement.clientWidth;return Array.from(document.querySelectorAll('*'))"
                  + ".filter(e=>e.getBoundingClientRect().right>w).map(e=>e.tagName+'#'+e.id+'.'+e.className"
                  + "+':'+Math.round(e.getBoundingClientRect().right)).slice(0,8).join(' ');");
      assertThat(((Number) overflow).intValue()).as(page + " " + wide).isLessThanOrEqualTo(0);
    }
    browser.get(base + "/console/dashboard");
    Browser.screenshot(browser, "dashboard-phone");
  }

  private void logIn(String user, String password) {
    Browser.logIn(browser, base, user, password);
  }

  /** The element's text once the page shows it, read again if htmx swapped it meanwhile. */
  private String text(String id) {
    return new WebDriverWait(browser, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(driver -> driver.findElement(By.id(id)).getText());
  }

  private String csrf() {
    return browser.findElement(By.name("csrf")).getAttribute("value");
  }

  private String sessionCookie() {
    Cookie cookie = browser.manage().getCookieNamed("telco_console_alpha");
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Strict");
    return cookie.getName() + "=" + cookie.getValue();
  }

  /** The element, once the page that the last key or click loaded shows it. */
  private WebElement await(By locator) {
    return new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(driver -> driver.findElements(locator).stream().findFirst().orElse(null));
  }

  /** Waits for the condition; htmx swaps the polled figures, so an element read may go stale. */
  private void waitUntil(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(driver -> condition.getAsBoolean());
  }

  private static Credentials.NodeCredentials credentials() {
    return platform.platform.credentials().of("alpha");
  }

  private static String admin() {
    return credentials().consoleUser();
  }

  private static long planFeeFen(String plan) {
    for (var node : Http.get(base + "/api/v1/plans", platform.adminKey("alpha")).json()) {
      if (node.get("id").asText().equals(plan)) {
        return node.get("monthlyFeeFen").asLong();
      }
    }
    throw new AssertionError("no plan " + plan);
  }

  private static HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (!cookie.isEmpty()) {
      request.header("Cookie", cookie);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> postForm(String path, String cookie, String... fields)
      throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      body.append(i == 0 ? "" : "&")
          .append(fields[i])
          .append('=')
          .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (!cookie.isEmpty()) {
      request.header("Cookie", cookie);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
