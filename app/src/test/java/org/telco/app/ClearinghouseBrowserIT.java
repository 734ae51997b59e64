package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.telco.app.console.Browser;
import org.telco.app.demo.DemoSubscribers;
import org.telco.phone.porting.PortingApp;

/**
 * Flow F4 on the clearinghouse console in a real browser (issue 10): a demo number of alpha is
 * ported to beta by the porting app, as a subscriber would, and the clearinghouse's console shows
 * the port request COMPLETED, the settlement accounts and statements, and the routing database
 * pointing the number at beta; alpha's handset simulator shows the number ported out, alpha's
 * subscriber page the port-out and beta's the port-in.
 */
class ClearinghouseBrowserIT {
  private static final String PORTED = "8613800001001";

  private static TestPlatform platform;
  private static ChromeDriver browser;
  private static String clearinghouse;

  @BeforeAll
  static void start() throws Exception {
    platform = TestPlatform.startWithDemoData(List.of("clearinghouse", "alpha", "beta"));
    clearinghouse = platform.url("clearinghouse");
    browser = Browser.start();
  }

  @AfterAll
  static void stop() throws Exception {
    Browser.quitThenClose(browser, platform);
  }

  @Test
  void aPortedNumberShowsOnThePortsSettlementAndRoutingPages() throws Exception {
    Http.Response prefund =
        Http.post(
            clearinghouse + "/api/v1/settlement/prefunds",
            platform.adminKey("clearinghouse"),
            "{\"operator\":\"beta\",\"id\":\"console-it-beta\",\"amountFen\":50000}");
    assertThat(prefund.status()).as(prefund.body()).isEqualTo(201);
    PortingApp.Answer ported =
        new PortingApp(
                Map.of("alpha", platform.url("alpha"), "beta", platform.url("beta")),
                Map.of("alpha", platform.partnerKey("alpha"), "beta", platform.partnerKey("beta")),
                new Random(10),
                System.out)
            .port(
                new PortingApp.Request(
                    "console-port-1",
                    PORTED,
                    DemoSubscribers.SERVICE_PASSWORD.toCharArray(),
                    "beta",
                    "standard",
                    "Beta-Pass-77".toCharArray()));
    JsonNode port = ported.body().path("port");
    assertThat(port.path("state").asText()).as(ported.body().toString()).isEqualTo("COMPLETED");

    logIn("clearinghouse", "not-the-password");
    assertThat(await(By.id("login-error")).getText()).isNotEmpty();
    Credentials.NodeCredentials own = platform.platform.credentials().of("clearinghouse");
    logIn("clearinghouse", own.consolePassword());
    waitUntil(() -> browser.getCurrentUrl().endsWith("/console/ports"));
    WebElement row = browser.findElement(By.cssSelector("#ports tr[data-msisdn='" + PORTED + "']"));
    assertThat(row.findElement(By.className("port-state")).getText()).isEqualTo("COMPLETED");
    assertThat(row.getText()).contains("console-port-1", "alpha", "beta");
    assertThat(browser.findElement(By.id("count-COMPLETED")).getText()).isEqualTo("1");
    Browser.screenshot(browser, "clearinghouse-ports");

    browser.findElement(By.linkText("Settlement")).click();
    waitUntil(() -> !browser.findElements(By.id("balance-beta")).isEmpty());
    assertThat(browser.findElement(By.id("balance-beta")).getText()).matches("\\d+\\.\\d\\d");
    assertThat(browser.findElement(By.id("settlement-beta")).getText()).contains("alpha");
    Browser.screenshot(browser, "clearinghouse-settlement");

    browser.findElement(By.linkText("Routing database")).click();
    waitUntil(() -> !browser.findElements(By.id("routing-version")).isEmpty());
    assertThat(Long.parseLong(browser.findElement(By.id("routing-version")).getText()))
        .isPositive();
    assertThat(browser.findElement(By.id("served-beta")).getText()).isEqualTo("1");
    assertThat(browser.findElement(By.cssSelector("#routing-changes tbody tr")).getText())
        .contains(PORTED, "beta");
    browser.findElement(By.id("msisdn")).sendKeys(PORTED, Keys.ENTER);
    assertThat(await(By.id("routing-found")).getText()).isEqualTo("beta");
    Browser.screenshot(browser, "clearinghouse-routing");
    browser.findElement(By.id("msisdn")).clear();
    browser.findElement(By.id("msisdn")).sendKeys("12x", Keys.ENTER);
    assertThat(await(By.id("msisdn-error")).getText()).contains("8 to 15 digits");
    assertThat(browser.findElement(By.id("msisdn")).getAttribute("aria-describedby"))
        .isEqualTo("msisdn-error");

    String alpha = platform.url("alpha");
    Credentials.NodeCredentials alphaLogin = platform.platform.credentials().of("alpha");
    Browser.logIn(browser, alpha, alphaLogin.careUser(), alphaLogin.carePassword());
    waitUntil(() -> !browser.getCurrentUrl().endsWith("/console/login"));
    browser.get(alpha + "/console/handset/" + PORTED);
    assertThat(browser.findElement(By.id("state")).getAttribute("data-state"))
        .isEqualTo("PORTED_OUT");

    browser.get(alpha + "/console/subscribers/" + PORTED);
    WebElement portOut = browser.findElement(By.cssSelector("#ports tbody tr"));
    assertThat(portOut.getText())
        .contains("console-port-1", "Port-out (we are the donor)", "beta", "COMPLETED");
    Browser.screenshot(browser, "subscriber-ported-out");

    String beta = platform.url("beta");
    Credentials.NodeCredentials betaLogin = platform.platform.credentials().of("beta");
    Browser.logIn(browser, beta, betaLogin.careUser(), betaLogin.carePassword());
    waitUntil(() -> browser.getCurrentUrl().endsWith("/console/dashboard"));
    browser.get(beta + "/console/subscribers/" + PORTED);
    assertThat(browser.findElement(By.cssSelector("#ports tbody tr")).getText())
        .contains("console-port-1", "Port-in (we are the recipient)", "alpha", "COMPLETED");
  }

  private static void logIn(String node, String password) {
    Credentials.NodeCredentials own = platform.platform.credentials().of(node);
    Browser.logIn(browser, platform.url(node), own.consoleUser(), password);
  }

  /** The element, once the page that the last key or click loaded shows it. */
  private static WebElement await(By locator) {
    return new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(driver -> driver.findElements(locator).stream().findFirst().orElse(null));
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> condition.getAsBoolean());
  }
}
