package org.telco.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The node's own REST API, called over HTTP by console pages that play a party outside the
 * operator: the handset simulator is a phone app and the TV box a device, so they go through the
 * same endpoints, checks and answers a real terminal gets, and no rule of the API is copied into a
 * page. Keys stay on the server; the browser never sees them.
 */
public final class NodeApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Supplier<String> root;
  private final String adminKey;
  private final String partnerKey;

  /**
   * The API at {@code root} (read when called, as the port is known once the server started).
   *
   * @param adminKey the node's admin key
   * @param partnerKey the node's partner key
   */
  public NodeApi(Supplier<String> root, String adminKey, String partnerKey) {
    this.root = root;
    this.adminKey = adminKey;
    this.partnerKey = partnerKey;
  }

  /** Which of the node's keys a call carries. */
  public enum Key {
    /** The operator's staff and apps. */
    ADMIN,
    /** A partner, such as a payment app or the handset's SMS side. */
    PARTNER
  }

  /**
   * An answer of the API.
   *
   * @param status the HTTP status
   * @param body the JSON body, or a missing node
   */
  public record Answer(int status, JsonNode body) {
    /** Whether the status is 2xx. */
    public boolean ok() {
      return status / 100 == 2;
    }

    /** A problem's field (its {@code field} member), or "" when it names none. */
    public String field() {
      return body.path("field").asText("");
    }

    /** A problem's detail, for the message shown beside a field. */
    public String detail() {
      return body.path("detail").asText(body.path("title").asText("HTTP " + status));
    }
  }

  /** The base URL of the node, such as {@code http://127.0.0.1:8081}. */
  public String root() {
    return root.get();
  }

  /** GET {@code /api/v1} + {@code path}. */
  public Answer get(String path, Key key) {
    return send(request(path, "Bearer " + key(key)).GET());
  }

  /** GET with a device's own credential, as a device asks its service platform. */
  public Answer getWithAuthorization(String path, String authorization) {
    return send(request(path, authorization).GET());
  }

  /** POST of {@code body} as JSON to {@code /api/v1} + {@code path}. */
  public Answer post(String path, Key key, Object body) {
    return send(withJson(path, key).POST(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  /** PUT of {@code body} as JSON to {@code /api/v1} + {@code path}. */
  public Answer put(String path, Key key, Object body) {
    return send(withJson(path, key).PUT(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  private HttpRequest.Builder withJson(String path, Key key) {
    return request(path, "Bearer " + key(key)).header("Content-Type", "application/json");
  }

  private static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String key(Key key) {
    return switch (key) {
      case ADMIN -> adminKey;
      case PARTNER -> partnerKey;
    };
  }

  private HttpRequest.Builder request(String path, String authorization) {
    return HttpRequest.newBuilder(URI.create(root.get() + "/api/v1" + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", authorization);
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body =
          response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
      return new Answer(response.statusCode(), body);
    } catch (IOException e) {
      throw new UncheckedIOException("the node's API did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling the node's API", e);
    }
  }
}
