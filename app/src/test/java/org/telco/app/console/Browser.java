package org.telco.app.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.telco.storage.PostgresForTests;

/**
 * Headless Debian chromium driven through Debian's chromedriver, for the console's browser tests.
 * The first browser of a test run installs both packages when they are missing (the build runs as
 * root on Debian), so {@code ./mvnw verify} passes on a fresh machine. Both paths are given to
 * Selenium explicitly, so Selenium Manager never looks for (or downloads) a driver or browser.
 */
public final class Browser {
  /** A font with Chinese characters, from Debian's fonts-wqy-zenhei. */
  private static final Path CHINESE_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

  /** Debian's chromium. */
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /** Debian's chromedriver, of the same version. */
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Where screenshots go, under the module's build directory. */
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static boolean installed;

  private Browser() {}

  /**
   * Quits the browser, then closes what it was pointed at; either may be null when the class's
   * start-up failed before it was made.
   */
  public static void quitThenClose(ChromeDriver browser, AutoCloseable platform) throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (platform != null) {
      platform.close();
    }
  }

  /** A fresh headless browser at 1280 x 900 with its own profile directory; quit it when done. */
  public static ChromeDriver start() throws IOException, InterruptedException {
    ensureInstalled();
    // Selenium's own telemetry and manager stay off: the build's network reaches only the
    // package mirrors.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    System.setProperty("SE_AVOID_STATS", "true");
    Path profile = Files.createTempDirectory("telco-chromium");
    // Chromium writes its profile until it exits; the directory goes when the test JVM does.
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> PostgresForTests.deleteTree(profile), "drop-profile"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--lang=en-US",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  /**
   * Fills and sends the login form of the node at {@code nodeUrl}, and waits for its answer:
   * another page, or the login page again with its error. A page opened before the answer arrived
   * aborted the submission, and with it the session cookie (a fresh-clone run failed so).
   */
  public static void logIn(ChromeDriver driver, String nodeUrl, String user, String password) {
    driver.get(nodeUrl + "/console/login");
    driver.findElement(By.id("user")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
    // Wait for the answer: a page opened before it arrives aborts the submission, cookie and all.
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                !d.getCurrentUrl().endsWith("/console/login")
                    || !d.findElements(By.id("login-error")).isEmpty());
  }

  /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
  public static Path screenshot(ChromeDriver driver, String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }

  /**
   * Installs chromium, chromium-driver and a Chinese font with apt once per test run, if any is
   * missing. Without the font the handset simulator's Chinese labels are still in the page (the
   * tests read text) but the screenshots show empty boxes.
   */
  static synchronized void ensureInstalled() throws IOException, InterruptedException {
    if (installed
        || (Files.isExecutable(CHROMIUM)
            && Files.isExecutable(CHROMEDRIVER)
            && Files.exists(CHINESE_FONT))) {
      installed = true;
      return;
    }
    File log = Files.createTempFile("telco-apt", ".log").toFile();
    run(List.of("apt-get", "update"), log);
    run(
        List.of(
            "apt-get",
            "install",
            "-y",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
            "fonts-wqy-zenhei"),
        log);
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("apt-get installed no chromium/chromedriver; see " + log);
    }
    installed = true;
  }

  private static void run(List<String> command, File log) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
    Process process = builder.start();
    if (!process.waitFor(15, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          String.join(" ", command) + " took over 15 minutes; see " + log);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command)
              + " failed ("
              + process.exitValue()
              + "), run as root? See "
              + log);
    }
  }
}
