package org.telco.app.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.telco.app.phone.AutopayCommand;
import org.telco.app.tvbox.DeviceAgent;
import org.telco.app.tvbox.DeviceFlash;

/**
 * {@code telco demo device-binding}: flow F3 against the running platform. A TV box with a data SIM
 * is registered and boots unbound, showing its prompt; a phone texts the prompt's SMS; the box gets
 * the activation SMS and binds; a film bought on it is charged to the phone once, however often it
 * is sent; a purchase past the monthly cap is refused; the phone unbinds and the box, and a copy of
 * its old token, can charge nothing more. The box is played by {@link DeviceAgent}, which sees only
 * what a device sees.
 */
public final class DeviceBindingDemo {
  private static final long PHONE_MONEY_FEN = 5_000;
  private static final long FILM_FEN = 1_200;
  private static final long SEASON_PASS_FEN = 19_000;

  private final PlatformClient alpha;
  private final OperatorView view;
  private final Path dataDirectory;
  private final String alphaUrl;
  private final PrintStream out;
  private final RandomGenerator random;
  private final DemoSteps steps;

  /** A demo driving operator alpha at {@code alphaUrl}, with the keys in {@code dataDirectory}. */
  public DeviceBindingDemo(
      PlatformClient alpha,
      Path dataDirectory,
      String alphaUrl,
      PrintStream out,
      RandomGenerator random) {
    this.alpha = alpha;
    this.view = new OperatorView(alpha);
    this.dataDirectory = dataDirectory;
    this.alphaUrl = alphaUrl;
    this.out = out;
    this.random = random;
    this.steps = new DemoSteps(out);
  }

  /**
   * Plays the story.
   *
   * @return 0 when every step saw what it expected
   */
  public int play() throws IOException {
    String run = String.format("%04d", random.nextInt(10_000));
    String dataSim = "86138" + run + "0101";
    String phone = "86138" + run + "0102";
    String id = "TVBOX-" + run;
    out.println("1. A TV box with a data SIM, and the phone that will pay for it");
    subscribe(dataSim, "the box's data SIM", 0);
    subscribe(phone, "the paying phone", PHONE_MONEY_FEN);
    DeviceAgent box = register(id, dataSim);

    out.println("\n2. The box boots: number-bound payment is not active, it shows its prompt");
    CountDownLatch prompted = new CountDownLatch(1);
    CompletableFuture<DeviceAgent.Boot> boot = bootInBackground(box, prompted);
    DeviceAgent.Status prompt = box.status();
    awaitPrompt(prompted);
    steps.check("the box asks the service platform", !prompt.bound(), "not bound");

    out.println("\n3. The phone texts the prompt's SMS");
    PlatformClient.Answer sent =
        alpha.post(
            "/handsets/" + phone + "/sms",
            "{\"to\":\"%s\",\"text\":\"%s\"}".formatted(prompt.shortCode(), prompt.text()));
    steps.check(
        phone + " texts \"" + prompt.text() + "\" to " + prompt.shortCode(),
        sent.status() == 202,
        "HTTP " + sent.status());
    DeviceAgent.Boot booted = finish(boot);
    steps.check("the box got its activation SMS", booted == DeviceAgent.Boot.BOUND, booted.name());
    String confirmation =
        DemoSteps.await(() -> view.sms(phone, prompt.text().substring(5)), t -> !t.isEmpty());
    steps.check(
        "the phone's confirmation", !confirmation.isEmpty(), DemoSteps.quoted(confirmation));

    out.println("\n4. A film bought on the box is charged to the phone");
    buyAndReplay(box, phone);

    out.println("\n5. A season pass would pass the box's monthly cap");
    DeviceAgent.Purchase pass = box.buy("pass-1", "Season pass", SEASON_PASS_FEN);
    steps.check(
        "season pass, " + SEASON_PASS_FEN + " fen",
        pass.problem().equals("over-monthly-cap"),
        "HTTP " + pass.status() + " " + pass.problem());

    out.println("\n6. The phone texts UNBIND; the box's token charges nothing any more");
    unbind(box, phone, prompt.shortCode());
    out.println(
        steps.failed() ? "Some step did not go as expected." : "Every step went as expected.");
    return steps.failed() ? LifecycleDemo.FAILED : 0;
  }

  private void subscribe(String msisdn, String role, long moneyFen) {
    PlatformClient.Answer created =
        alpha.post(
            "/subscribers",
            "{\"msisdn\":\"%s\",\"planId\":\"standard\",\"servicePassword\":\"Demo-Pass-42\"}"
                .formatted(msisdn));
    if (moneyFen > 0) {
      view.pay(msisdn, "device", moneyFen);
    }
    steps.check(
        role + " " + msisdn + (moneyFen > 0 ? ", " + moneyFen + " fen topped up" : ""),
        created.status() == 201,
        "HTTP " + created.status());
  }

  /** The factory's step: the operator registers the box and the box keeps its secret. */
  private DeviceAgent register(String id, String dataSim) throws IOException {
    PlatformClient.Answer registered =
        alpha.post("/devices", "{\"deviceId\":\"%s\",\"dataSim\":\"%s\"}".formatted(id, dataSim));
    steps.check(
        "the operator registers " + id, registered.status() == 201, "HTTP " + registered.status());
    Path flash = DeviceFlash.file(dataDirectory.resolve("devices"), id);
    new DeviceFlash(id, alphaUrl, "alpha", dataSim, registered.text("secret"), null).write(flash);
    return new DeviceAgent(flash, partnerKey());
  }

  private String partnerKey() throws IOException {
    return AutopayCommand.partnerKeys(dataDirectory.resolve("credentials.json")).get("alpha");
  }

  private CompletableFuture<DeviceAgent.Boot> bootInBackground(
      DeviceAgent box, CountDownLatch prompted) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return box.boot(
                Duration.ofSeconds(30),
                line -> {
                  out.println("   [box] " + line);
                  if (line.startsWith("Waiting for the activation SMS")) {
                    prompted.countDown();
                  }
                });
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** Lets the box show its prompt before the story goes on, so the output reads in order. */
  private static void awaitPrompt(CountDownLatch prompted) {
    try {
      prompted.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static DeviceAgent.Boot finish(CompletableFuture<DeviceAgent.Boot> boot)
      throws IOException {
    try {
      return boot.get(40, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw new IllegalStateException("the box failed to boot", e.getCause());
    } catch (TimeoutException e) {
      return DeviceAgent.Boot.NOT_BOUND;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeviceAgent.Boot.NOT_BOUND;
    }
  }

  private void buyAndReplay(DeviceAgent box, String phone) throws IOException {
    long before = balance(phone);
    DeviceAgent.Purchase film = box.buy("film-1", "Film: Hero", FILM_FEN);
    long after = balance(phone);
    steps.check(
        "film-1, " + FILM_FEN + " fen",
        film.status() == 201 && after == before - FILM_FEN,
        "HTTP " + film.status() + ", the phone's balance " + before + " -> " + after + " fen");
    DeviceAgent.Purchase again = box.buy("film-1", "Film: Hero", FILM_FEN);
    long afterRetry = balance(phone);
    steps.check(
        "film-1 sent again (a retry)",
        again.status() == 200 && afterRetry == after,
        "HTTP " + again.status() + ", balance still " + afterRetry + " fen");
  }

  private void unbind(DeviceAgent box, String phone, String shortCode) throws IOException {
    String id = box.flash().deviceId();
    Path cloneFile = DeviceFlash.file(dataDirectory.resolve("devices"), id + "-clone");
    box.flash().write(cloneFile);
    DeviceAgent clone = new DeviceAgent(cloneFile, partnerKey());
    alpha.post(
        "/handsets/" + phone + "/sms",
        "{\"to\":\"%s\",\"text\":\"UNBIND %s\"}".formatted(shortCode, id));
    String notice =
        DemoSteps.await(() -> view.sms(box.flash().dataSim(), "ended on " + id), t -> !t.isEmpty());
    steps.check("the box is told", !notice.isEmpty(), DemoSteps.quoted(notice));
    DeviceAgent.Purchase refused = box.buy("film-2", "Film: Hero II", FILM_FEN);
    steps.check(
        "film-2 on the unbound box",
        refused.problem().equals("not-bound") && !box.flash().hasToken(),
        "HTTP " + refused.status() + " " + refused.problem() + "; the box forgot its token");
    DeviceAgent.Purchase cloned = clone.buy("film-3", "Film: Hero III", FILM_FEN);
    steps.check(
        "a clone of the box with its flash copied before the UNBIND",
        cloned.problem().equals("not-bound"),
        "HTTP " + cloned.status() + " " + cloned.problem());
  }

  private long balance(String msisdn) {
    return view.subscriber(msisdn).body().path("balanceFen").asLong();
  }
}
