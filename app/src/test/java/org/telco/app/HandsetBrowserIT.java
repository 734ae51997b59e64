package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.telco.app.console.Browser;

/**
 * The handset simulator in a real browser (issue 10): one headless chromium for the class, logged
 * in once as alpha's admin, against the clearinghouse and alpha with their demo subscribers. It
 * texts a short code and reads the reply, plays F3 (TV box and phone), F5 (a traffic card bought
 * and bound), F2 (autopay over an uploaded vCard) and, last because it moves the shared simulated
 * clock a month on, F1 (a barred number's emergency advance). Screenshots land in {@code
 * target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HandsetBrowserIT {
  private static final String PAYER = "8613800001002";
  private static final String TV_SIM = "8613800001003";
  private static final String BUYER = "8613800001004";
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static TestPlatform platform;
  private static String base;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() throws Exception {
    platform = TestPlatform.startWithDemoData(List.of("clearinghouse", "alpha"));
    base = platform.url("alpha");
    browser = Browser.start();
    Credentials.NodeCredentials alpha = platform.platform.credentials().of("alpha");
    Browser.logIn(browser, base, alpha.consoleUser(), alpha.consolePassword());
    waitUntil(() -> browser.getCurrentUrl().endsWith("/console/dashboard"));
  }

  @AfterAll
  static void stop() throws Exception {
    Browser.quitThenClose(browser, platform);
  }

  @Test
  @Order(1)
  void aShortCodeAnswersInTheInboxInEitherLanguage() throws Exception {
    browser.findElement(By.linkText("Handset simulator")).click();
    await(By.id("msisdn")).sendKeys(PAYER, Keys.ENTER);
    waitUntil(() -> browser.getCurrentUrl().contains("/console/handset/" + PAYER));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    assertThat(text("state")).contains("ACTIVE");
    String serviceCode =
        browser.findElement(By.cssSelector("#short-codes option")).getAttribute("value");
    WebElement to = browser.findElement(By.id("to"));
    to.sendKeys(serviceCode, Keys.TAB);
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("text");
    browser.switchTo().activeElement().sendKeys("YE");
    browser.findElement(By.id("send-sms")).click();
    waitUntil(() -> text("inbox").contains("Your balance"));
    assertThat(browser.findElement(By.cssSelector("#inbox-list li")).getAttribute("data-from"))
        .isEqualTo(serviceCode);
    Browser.screenshot(browser, "handset-inbox");

    browser.findElement(By.id("lang-zh")).click();
    waitUntil(() -> "zh".equals(browser.findElement(By.tagName("html")).getAttribute("lang")));
    assertThat(text("sms-title")).isEqualTo("发短信");
    assertThat(text("state")).contains("正常");
    assertThat(text("inbox")).contains("您的余额");
    Browser.screenshot(browser, "handset-zh");
    browser.findElement(By.id("lang-en")).click();
    waitUntil(() -> "en".equals(browser.findElement(By.tagName("html")).getAttribute("lang")));
  }

  @Test
  @Order(2)
  void badInputIsShownBesideItsFieldAnswers400AndSendsNothing() throws Exception {
    openPhone(PAYER);
    int sent = sentBy(PAYER);
    browser.findElement(By.id("to")).sendKeys("12");
    browser.findElement(By.id("text")).sendKeys("hello");
    browser.findElement(By.id("send-sms")).click();
    WebElement error = await(By.id("to-error"));
    assertThat(error.getText()).contains("3 to 15 digits");
    assertThat(browser.findElement(By.id("to")).getAttribute("aria-describedby"))
        .contains("to-error");
    assertThat(browser.findElement(By.id("to")).getAttribute("value")).isEqualTo("12");
    browser.findElement(By.id("cardId")).sendKeys("XYZ", Keys.ENTER);
    waitUntil(() -> text("cardId-error").contains("TC and 12"));
    Browser.screenshot(browser, "handset-bad-input");

    String csrf = browser.findElement(By.name("csrf")).getAttribute("value");
    HttpResponse<String> bad =
        postForm("/console/handset/" + PAYER + "/sms", "csrf", csrf, "to", "12", "text", "hi");
    assertThat(bad.statusCode()).isEqualTo(400);
    HttpResponse<String> forged =
        postForm("/console/handset/" + PAYER + "/sms", "csrf", "x", "to", "10086", "text", "YE");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(sentBy(PAYER)).isEqualTo(sent);
  }

  @Test
  @Order(3)
  void theTvBoxShowsItsPromptAndIsBoundOnceThePhoneTextsIt() throws Exception {
    browser.get(base + "/console/handset/tvbox");
    browser.findElement(By.id("deviceId")).sendKeys("tvbox-it-1");
    browser.findElement(By.id("dataSim")).sendKeys(TV_SIM, Keys.ENTER);
    waitUntil(() -> browser.getCurrentUrl().contains("/console/handset/tvbox/TVBOX-IT-1"));
    assertThat(binding()).isEqualTo("false");
    String bind = text("prompt-text");
    String shortCode = text("prompt-short-code");
    assertThat(bind).isEqualTo("BIND TVBOX-IT-1");
    Browser.screenshot(browser, "tvbox-prompt");
    String screen = browser.getCurrentUrl();

    openPhone(PAYER);
    browser.findElement(By.id("to")).sendKeys(shortCode);
    browser.findElement(By.id("text")).sendKeys(bind);
    browser.findElement(By.id("send-sms")).click();
    waitUntil(() -> text("inbox").contains("now charges this number"));
    Browser.screenshot(browser, "tvbox-phone-confirmed");

    browser.get(screen);
    waitUntil(() -> "true".equals(binding()));
    assertThat(text("binding-state")).contains("is active");
    assertThat(browser.getPageSource()).doesNotContain(PAYER);
    Browser.screenshot(browser, "tvbox-bound");
  }

  @Test
  @Order(4)
  void aCardIsBoughtInTwoPhasesBoundAndUsedFirst() throws Exception {
    openPhone(BUYER);
    new Select(browser.findElement(By.id("productId"))).selectByValue("addon-500m");
    browser.findElement(By.id("buy-pack")).click();
    waitUntil(() -> "DEDUCTION_CONFIRMED".equals(attribute("purchase", "data-step")));
    openPhone(BUYER);
    new Select(browser.findElement(By.id("productId"))).selectByValue("card-2g");
    browser.findElement(By.id("buy-pack")).click();
    waitUntil(() -> "DEDUCTION_CONFIRMED".equals(attribute("purchase", "data-step")));
    assertThat(text("purchase")).contains("PRE_AUTHENTICATED", "PRE_DEDUCTED");
    String card = text("card-number");
    assertThat(card).startsWith("TC");
    Browser.screenshot(browser, "traffic-card-bought");

    browser.findElement(By.id("cardId")).sendKeys(card, Keys.ENTER);
    waitUntil(() -> text("notice").contains("Card bound"));
    List<WebElement> rows = browser.findElements(By.cssSelector("#buckets tbody tr"));
    assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
    assertThat(rows.getFirst().getAttribute("data-product")).isEqualTo("card-2g");
    assertThat(rows.getFirst().findElement(By.className("order")).getText()).isEqualTo("1");
    assertThat(Integer.parseInt(rows.getFirst().getAttribute("data-priority")))
        .isLessThan(Integer.parseInt(rows.get(1).getAttribute("data-priority")));
    assertThat(text("buckets")).contains("addon-500m", "2.0 GB");
    Browser.screenshot(browser, "traffic-buckets");

    WebElement moveUp = rows.get(1).findElement(By.className("move-up"));
    assertThat(moveUp.getAttribute("aria-label")).contains("addon-500m");
    moveUp.sendKeys(Keys.ENTER);
    waitUntil(() -> text("notice").contains("usage priority is changed"));
    assertThat(
            browser.findElement(By.cssSelector("#buckets tbody tr")).getAttribute("data-product"))
        .isEqualTo("addon-500m");
  }

  @Test
  @Order(5)
  void autopayRunsOverAnUploadedAddressBookAndMarksTheContacts() throws Exception {
    Path vcf = Files.createTempFile("contacts", ".vcf");
    Files.writeString(
        vcf,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Li Lei\r\nTEL;TYPE=CELL:+86 138 0000 1003\r\n"
            + "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nobody\r\n"
            + "TEL;TYPE=CELL:13999999999\r\nEND:VCARD\r\n");
    try {
      openPhone(PAYER);
      browser.findElement(By.id("vcard-file")).sendKeys(vcf.toAbsolutePath().toString());
      waitUntil(() -> attribute("vcard", "value").contains("Li Lei"));
      browser.findElement(By.id("run-autopay")).click();
      WebElement normal = await(By.cssSelector("#autopay-results tr[data-msisdn='8613800001003']"));
      assertThat(normal.findElement(By.className("outcome")).getText()).isEqualTo("ALREADY_NORMAL");
      assertThat(normal.findElement(By.className("mark")).getText()).isEqualTo("NORMAL");
      WebElement nobody =
          browser.findElement(By.cssSelector("#autopay-results tr[data-msisdn='8613999999999']"));
      assertThat(nobody.findElement(By.className("outcome")).getText()).isEqualTo("UNKNOWN_NUMBER");
      assertThat(attribute("written", "value")).contains("Autopay: normal", "X-TELCO-COLOUR");
      Browser.screenshot(browser, "autopay");
    } finally {
      Files.deleteIfExists(vcf);
    }
    openPhone(PAYER);
    browser.findElement(By.id("vcard")).sendKeys("BEGIN:VCARD");
    browser.findElement(By.id("run-autopay")).click();
    waitUntil(() -> text("vcard-error").contains("cannot be read"));
  }

  @Test
  @Order(6)
  void thePagesFitAPhoneScreen() throws Exception {
    browser.manage().window().setSize(new Dimension(390, 844));
    try {
      for (String page :
          List.of(
              "handset/" + BUYER + "?lang=en",
              "handset/" + BUYER + "?lang=zh",
              "handset/tvbox/TVBOX-IT-1",
              "handset/tvbox")) {
        browser.get(base + "/console/" + page);
        Object overflow =
            browser.executeScript(
                "return document.documentElement.scrollWidth"
                    + " - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as(page).isLessThanOrEqualTo(0);
      }
      openPhone(BUYER);
      Browser.screenshot(browser, "handset-phone-size");
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 900));
    }
  }

  @Test
  @Order(7)
  void aNumberBarredForArrearsGetsItsAdvanceThirtyMinutesLater() throws Exception {
    String msisdn =
        "86138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    Http.Response created =
        Http.post(
            base + "/api/v1/subscribers",
            platform.adminKey("alpha"),
            "{\"msisdn\":\"%s\",\"planId\":\"standard\",\"servicePassword\":\"Handset-It-1\"}"
                .formatted(msisdn));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Instant fee = Instant.parse(created.json().get("nextCycleAt").asText());
    Instant now = Instant.parse(api("/admin/clock").get("now").asText());
    advance(Duration.between(now, fee).toSeconds());
    openPhone(msisdn);
    assertThat(attribute("state", "data-state")).isEqualTo("BARRED_ARREARS");
    assertThat(browser.findElements(By.id("no-advances"))).hasSize(1);
    Browser.screenshot(browser, "f1-barred");

    long delayMinutes = api("/emergency-credit/summary").get("policy").get("delayMinutes").asLong();
    advance((delayMinutes - 1) * 60);
    openPhone(msisdn);
    assertThat(attribute("state", "data-state")).isEqualTo("BARRED_ARREARS");
    advance(60);
    waitUntil(() -> "EMERGENCY_CREDIT".equals(attribute("state", "data-state")));
    waitUntil(() -> text("account").contains("OUTSTANDING"));
    assertThat(browser.findElement(By.cssSelector("#advances .advance-state")).getText())
        .isEqualTo("OUTSTANDING");
    Browser.screenshot(browser, "f1-advance");
  }

  private static void openPhone(String msisdn) {
    browser.get(base + "/console/handset/" + msisdn + "?lang=en");
    waitUntil(() -> browser.findElements(By.id("account")).size() == 1);
  }

  private static String text(String id) {
    List<WebElement> found = browser.findElements(By.id(id));
    return found.isEmpty() ? "" : found.getFirst().getText();
  }

  private static String attribute(String id, String name) {
    List<WebElement> found = browser.findElements(By.id(id));
    return found.isEmpty() ? "" : String.valueOf(found.getFirst().getAttribute(name));
  }

  private static String binding() {
    return attribute("binding-state", "data-bound");
  }

  private static JsonNode api(String path) {
    Http.Response answer = Http.get(base + "/api/v1" + path, platform.adminKey("alpha"));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private static void advance(long seconds) {
    Http.Response moved =
        Http.post(
            base + "/api/v1/admin/clock/advance",
            platform.adminKey("alpha"),
            "{\"seconds\":" + Math.max(0, seconds) + "}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
  }

  private static int sentBy(String msisdn) {
    return api("/sms/messages?msisdn=" + msisdn).size();
  }

  /** The element, once the page that the last click or key loaded shows it. */
  private static WebElement await(By locator) {
    return new WebDriverWait(browser, PATIENCE)
        .until(driver -> driver.findElements(locator).stream().findFirst().orElse(null));
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, PATIENCE)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(driver -> condition.getAsBoolean());
  }

  private static HttpResponse<String> postForm(String path, String... fields) throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      body.append(i == 0 ? "" : "&")
          .append(fields[i])
          .append('=')
          .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    String cookie =
        "telco_console_alpha=" + browser.manage().getCookieNamed("telco_console_alpha").getValue();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookie)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
