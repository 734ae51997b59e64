package org.telco.app.charging;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Logger;
import org.telco.charging.ChargingRef;
import org.telco.outbox.OutboxHandler;
import org.telco.outbox.OutboxMessage;

/**
 * Sends Nchf charging notifications ({@code ChargingNotifyRequest}, here ABORT_CHARGING) to the
 * SMF's {@code notifyUri}, for outbox messages of {@value #TOPIC}. A 2xx answer, or a 4xx one (the
 * SMF does not know the session any more: nothing to stop), delivers the message; anything else is
 * thrown, and the outbox tries again later.
 */
final class ChargingNotifier implements OutboxHandler {
  /** The outbox topic of charging notifications. */
  static final String TOPIC = "nchf-notify";

  private static final Logger LOG = Logger.getLogger(ChargingNotifier.class.getName());
  private static final byte[] ABORT =
      "{\"notificationType\":\"ABORT_CHARGING\"}".getBytes(StandardCharsets.UTF_8);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The payload of a notification to {@code uri} about {@code ref}: two lines. */
  static String payload(ChargingRef ref, String uri) {
    return ref.value() + "\n" + uri;
  }

  @Override
  public void deliver(OutboxMessage message) {
    String[] lines = message.payload().split("\n", 2);
    URI uri;
    try {
      uri = URI.create(lines[1]);
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      LOG.warning(() -> "dropping charging notification " + message.id() + ": no usable notifyUri");
      return;
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      LOG.warning(() -> "dropping charging notification " + message.id() + ": not an http URI");
      return;
    }
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(ABORT))
            .build();
    int status;
    try {
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new IllegalStateException("SMF unreachable at " + uri + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted notifying " + uri, e);
    }
    if (status >= 500) {
      throw new IllegalStateException("SMF at " + uri + " answered " + status);
    }
    if (status >= 400) {
      LOG.info(() -> "SMF at " + uri + " answered " + status + " to " + message.id() + "; dropped");
    }
  }
}
