package org.telco.app.tvbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An input-less device of flow F3 (a TV box), played from outside the platform: it asks its service
 * platform whether number-bound payment is active, shows the prompt when it is not, waits for the
 * activation SMS on its data SIM, keeps the token it carries and buys with it. It sees only what a
 * device sees: its own binding state, never the paying number.
 *
 * <p>The data SIM's inbox is read through the operator's handset API with the partner key, standing
 * in for the SIM's modem, which hands a real device its SMS.
 */
public final class DeviceAgent {
  /** How often the inbox is read while waiting for the activation SMS. */
  static final Duration POLL = Duration.ofMillis(250);

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String TOKEN_MARK = "TOKEN ";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Path flashFile;
  private final String partnerKey;
  private DeviceFlash flash;

  /**
   * The device whose flash is in {@code flashFile}.
   *
   * @param partnerKey the operator's partner key, to read the data SIM's inbox
   */
  public DeviceAgent(Path flashFile, String partnerKey) throws IOException {
    this.flashFile = flashFile;
    this.partnerKey = partnerKey;
    this.flash = DeviceFlash.read(flashFile);
  }

  /** What the device keeps now. */
  public DeviceFlash flash() {
    return flash;
  }

  /**
   * What the service platform says of this device.
   *
   * @param bound whether number-bound payment is active
   * @param boundAt since when; empty when not bound
   * @param shortCode where to text the binding SMS; empty when bound
   * @param text the SMS to send; empty when bound
   * @param message the prompt for a person, in Chinese and English; empty when bound
   */
  public record Status(
      boolean bound, String boundAt, String shortCode, String text, String message) {}

  /** Asks the service platform, with the device's credential. */
  public Status status() {
    Answer answer = send(deviceRequest("/binding").GET());
    if (answer.status() != 200) {
      throw new IllegalStateException("the service platform answered " + answer);
    }
    JsonNode prompt = answer.body().path("prompt");
    return new Status(
        answer.body().path("bound").asBoolean(),
        answer.body().path("boundAt").asText(""),
        prompt.path("shortCode").asText(""),
        prompt.path("text").asText(""),
        prompt.path("message").asText(""));
  }

  /** How a boot ended. */
  public enum Boot {
    /** Bound, and the device holds its token: it can buy. */
    BOUND,
    /** Not bound within the wait; the prompt was shown. */
    NOT_BOUND,
    /** The platform says bound, but no activation SMS with a token reached this device. */
    BOUND_WITHOUT_TOKEN
  }

  /**
   * Powers on: asks, and when not bound shows the prompt and waits up to {@code wait} for the
   * activation SMS, keeping its token. A device whose binding ended forgets its token.
   *
   * @param screen where the device shows what it has to say, one line at a time
   */
  public Boot boot(Duration wait, Consumer<String> screen) throws IOException {
    // The inbox is read before the question, so an activation that arrives in between is new to
    // the wait below rather than taken for an old one.
    Set<String> seen = new HashSet<>();
    newestActivation(seen, Instant.EPOCH);
    Status status = status();
    if (!status.bound() && flash.hasToken()) {
      keep(null);
      screen.accept("Number-bound payment has ended; the device forgot its token.");
    }
    if (status.bound() && flash.hasToken()) {
      screen.accept("Number-bound payment is active since " + status.boundAt() + ".");
      return Boot.BOUND;
    }
    if (status.bound()) {
      Optional<String> waiting = newestActivation(new HashSet<>(), Instant.parse(status.boundAt()));
      return waiting.isPresent() ? activated(waiting.get(), screen) : noToken(screen);
    }
    showPrompt(status, screen);
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      sleep();
      Optional<String> token = newestActivation(seen, Instant.EPOCH);
      if (token.isPresent()) {
        return activated(token.get(), screen);
      }
    }
    screen.accept("No activation SMS within " + wait.toSeconds() + " s; still not bound.");
    return Boot.NOT_BOUND;
  }

  private Boot activated(String token, Consumer<String> screen) throws IOException {
    keep(token);
    screen.accept("Activation SMS received: number-bound payment is active. The token is kept.");
    return Boot.BOUND;
  }

  private static Boot noToken(Consumer<String> screen) {
    screen.accept("Bound, but no activation SMS reached this device: the payer should text");
    screen.accept("BIND again for a new one.");
    return Boot.BOUND_WITHOUT_TOKEN;
  }

  private static void showPrompt(Status status, Consumer<String> screen) {
    screen.accept("+--------------------------------------------------------------+");
    screen.accept("  Number-bound payment is not active on this device.");
    screen.accept("  " + status.message());
    screen.accept("  SMS: " + status.text() + "   to: " + status.shortCode());
    screen.accept("+--------------------------------------------------------------+");
    screen.accept("Waiting for the activation SMS on the data SIM...");
  }

  /**
   * The token of the newest activation SMS for this device in the data SIM's inbox, sent at or
   * after {@code since}, among those not in {@code seen}; every message read is added to {@code
   * seen}.
   */
  private Optional<String> newestActivation(Set<String> seen, Instant since) {
    Answer inbox =
        send(
            HttpRequest.newBuilder(
                    URI.create(api("/handsets/" + flash.dataSim() + "/inbox?limit=1000")))
                .header("Authorization", "Bearer " + partnerKey)
                .GET());
    if (inbox.status() != 200) {
      throw new IllegalStateException("the data SIM's inbox answered " + inbox);
    }
    // The inbox lists the newest first and gives times to the second, so of two activations in
    // one second the first listed is the newer; the binding's start is cut to the second alike.
    Instant notBefore = since.truncatedTo(ChronoUnit.SECONDS);
    String newest = null;
    Instant newestAt = null;
    for (JsonNode message : inbox.body()) {
      String text = message.path("text").asText();
      Instant at = Instant.parse(message.path("at").asText());
      boolean unseen = seen.add(message.path("id").asText());
      boolean newer = newestAt == null || at.isAfter(newestAt);
      if (unseen && isActivation(text) && !at.isBefore(notBefore) && newer) {
        newest = text.substring(text.indexOf(TOKEN_MARK) + TOKEN_MARK.length()).strip();
        newestAt = at;
      }
    }
    return Optional.ofNullable(newest);
  }

  private boolean isActivation(String text) {
    return text.contains("active on " + flash.deviceId() + ".") && text.contains(TOKEN_MARK);
  }

  /**
   * What the platform answered a purchase.
   *
   * @param status the HTTP status: 201 charged, 200 charged before (a retry), else a problem
   * @param body the purchase, or the problem
   */
  public record Purchase(int status, JsonNode body) {
    /** Whether the payer paid (now or by an earlier try with this id). */
    public boolean charged() {
      return status == 200 || status == 201;
    }

    /** The problem's code, or "" when charged. */
    public String problem() {
      return charged() ? "" : body.path("code").asText();
    }
  }

  /**
   * Buys {@code item} for {@code amountFen} under the device's own id {@code purchaseId} (a retry
   * names the same id). A device told its binding ended forgets its token; one told its token is
   * not valid looks for a newer activation SMS (a re-issued token) and, finding one, tries once
   * more.
   *
   * @throws IllegalStateException when the device holds no token: it is not bound
   */
  public Purchase buy(String purchaseId, String item, long amountFen) throws IOException {
    if (!flash.hasToken()) {
      throw new IllegalStateException(flash.deviceId() + " is not bound: boot it first");
    }
    String json =
        MAPPER.writeValueAsString(
            java.util.Map.of("id", purchaseId, "item", item, "amountFen", amountFen));
    Answer answer =
        send(
            deviceRequest("/purchases")
                .header("Binding-Token", flash.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    Purchase purchase = new Purchase(answer.status(), answer.body());
    if (purchase.problem().equals("not-bound")) {
      keep(null);
    }
    if (purchase.problem().equals("binding-token-invalid") && newerToken()) {
      return buy(purchaseId, item, amountFen);
    }
    return purchase;
  }

  /**
   * Whether the data SIM holds an activation with a token other than the one kept, which is then
   * kept instead: the payer texted BIND again and the platform re-issued the token.
   */
  private boolean newerToken() throws IOException {
    Optional<String> newest = newestActivation(new HashSet<>(), Instant.EPOCH);
    if (newest.isEmpty() || newest.get().equals(flash.token())) {
      return false;
    }
    keep(newest.get());
    return true;
  }

  private void keep(String token) throws IOException {
    DeviceFlash next = flash.withToken(token);
    next.write(flashFile);
    flash = next;
  }

  private HttpRequest.Builder deviceRequest(String path) {
    return HttpRequest.newBuilder(URI.create(api("/devices/" + flash.deviceId() + path)))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Device " + flash.deviceId() + ":" + flash.secret());
  }

  private String api(String path) {
    return flash.operatorUrl().replaceAll("/+$", "") + "/api/v1" + path;
  }

  private record Answer(int status, JsonNode body) {}

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Answer(
          response.statusCode(),
          body.isBlank() ? MissingNode.getInstance() : MAPPER.readTree(body));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach " + flash.operatorUrl(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the activation SMS", e);
    }
  }
}
