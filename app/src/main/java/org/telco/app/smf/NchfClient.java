package org.telco.app.smf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.telco.app.nchf.ChargingDataRequest;
import org.telco.app.nchf.ChargingDataResponse;
import org.telco.web.Json;

/**
 * The SMF's HTTP side of Nchf_ConvergedCharging: posts a create, update or release to the CHF with
 * the operator's network-function key over HTTP/1.1 keep-alive, and sends the same request again
 * with {@code retransmissionIndicator} when no answer comes within the timeout or the answer is a
 * 5xx. The CHF answers a retransmission with its stored answer, or applies a request it never
 * finished, so nothing is charged twice.
 */
public final class NchfClient implements AutoCloseable {
  /** Where the service lives on an operator node. */
  public static final String ROOT = "/nchf-convergedcharging/v3/chargingdata";

  private final HttpClient http;
  private final String base;
  private final String authorization;
  private final Duration timeout;
  private final int retransmissionsMax;

  /**
   * A client of the CHF at {@code url}.
   *
   * @param url the operator's base URL, e.g. {@code http://127.0.0.1:8081}
   * @param apiKey the operator's network-function key ({@code NetworkFunctionKeys}), or its admin
   *     key
   * @param timeout how long to wait for an answer before retransmitting
   * @param retransmissionsMax retransmissions before the request fails
   */
  public NchfClient(String url, String apiKey, Duration timeout, int retransmissionsMax) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    this.base = url.replaceAll("/+$", "") + ROOT;
    this.authorization = "Bearer " + apiKey;
    this.timeout = timeout;
    this.retransmissionsMax = retransmissionsMax;
  }

  /**
   * What the CHF answered.
   *
   * @param status the HTTP status, or 0 when no answer came after every retransmission
   * @param response the ChargingDataResponse of a 200 or 201, or null
   * @param location the Location of a 201, or null
   * @param cause the ProblemDetails cause of a failure, or null
   * @param retransmissions how many times the request was sent again
   * @param latencyNanos from the first send to the answer
   */
  public record Answer(
      int status,
      ChargingDataResponse response,
      String location,
      String cause,
      int retransmissions,
      long latencyNanos) {
    /** The ChargingDataRef of a create's answer, the last segment of its Location. */
    public String ref() {
      return location == null ? null : location.substring(location.lastIndexOf('/') + 1);
    }
  }

  /** Creates a charging session. */
  public Answer create(ChargingDataRequest request) throws InterruptedException {
    return send("", request);
  }

  /** Updates session {@code ref}. */
  public Answer update(String ref, ChargingDataRequest request) throws InterruptedException {
    return send("/" + ref + "/update", request);
  }

  /** Releases session {@code ref}. */
  public Answer release(String ref, ChargingDataRequest request) throws InterruptedException {
    return send("/" + ref + "/release", request);
  }

  private Answer send(String path, ChargingDataRequest request) throws InterruptedException {
    long start = System.nanoTime();
    ChargingDataRequest attempt = request;
    for (int retransmissions = 0; ; retransmissions++) {
      try {
        HttpResponse<byte[]> response =
            http.send(post(path, attempt), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 500 && retransmissions < retransmissionsMax) {
          attempt = retransmitted(request);
          continue;
        }
        return answer(response, retransmissions, System.nanoTime() - start);
      } catch (HttpTimeoutException e) {
        if (retransmissions == retransmissionsMax) {
          return new Answer(0, null, null, "TIMEOUT", retransmissions, System.nanoTime() - start);
        }
        attempt = retransmitted(request);
      } catch (IOException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        throw new UncheckedIOException("cannot reach " + base + ": " + why, e);
      }
    }
  }

  private HttpRequest post(String path, ChargingDataRequest request) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(timeout)
        .header("Authorization", authorization)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, application/problem+json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(request)))
        .build();
  }

  private static Answer answer(HttpResponse<byte[]> response, int retransmissions, long nanos) {
    int status = response.statusCode();
    byte[] body = response.body();
    try {
      if ((status == 200 || status == 201) && body.length > 0) {
        ChargingDataResponse parsed = Json.mapper().readValue(body, ChargingDataResponse.class);
        String location = response.headers().firstValue("Location").orElse(null);
        return new Answer(status, parsed, location, null, retransmissions, nanos);
      }
      String cause = null;
      if (body.length > 0) {
        JsonNode problem = Json.mapper().readTree(body);
        cause = problem.path("cause").asText(problem.path("code").asText(null));
      }
      return new Answer(status, null, null, cause, retransmissions, nanos);
    } catch (JsonProcessingException e) {
      return new Answer(status, null, null, "UNREADABLE_ANSWER", retransmissions, nanos);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a byte array cannot fail", e);
    }
  }

  /** The same request marked as a retransmission. */
  static ChargingDataRequest retransmitted(ChargingDataRequest r) {
    return new ChargingDataRequest(
        r.subscriberIdentifier(),
        r.nfConsumerIdentification(),
        r.invocationTimeStamp(),
        r.invocationSequenceNumber(),
        true,
        r.oneTimeEvent(),
        r.notifyUri(),
        r.supportedFeatures(),
        r.multipleUnitUsage(),
        r.triggers(),
        r.pduSessionChargingInformation());
  }

  @Override
  public void close() {
    http.close();
  }
}
