package org.telco.app.demo;

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

/**
 * An operator's API as a demo sees it from outside: plain HTTP with the admin or partner key from
 * the platform's {@code credentials.json}, nothing shared with the server's code, so the demo shows
 * what any client would get.
 */
public final class PlatformClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String root;
  private final String base;
  private final String adminKey;
  private final String partnerKey;

  /**
   * A client of operator {@code node} at {@code url}.
   *
   * @param url the operator's base URL, e.g. {@code http://127.0.0.1:8081}
   * @param adminKey its admin API key
   * @param partnerKey its partner API key
   */
  public PlatformClient(String url, String adminKey, String partnerKey) {
    this.root = url.replaceAll("/+$", "");
    this.base = root + "/api/v1";
    this.adminKey = adminKey;
    this.partnerKey = partnerKey;
  }

  /** A client with the keys of operator {@code node} read from {@code dataDir/credentials.json}. */
  public static PlatformClient fromCredentials(String url, Path dataDir, String node)
      throws IOException {
    JsonNode keys = MAPPER.readTree(dataDir.resolve("credentials.json").toFile()).path("nodes");
    JsonNode own = keys.path(node);
    return new PlatformClient(
        url, own.path("adminApiKey").asText(), own.path("partnerApiKey").asText());
  }

  /**
   * An answer.
   *
   * @param status the HTTP status
   * @param body the JSON body, or a missing node
   * @param location the Location header, or ""
   */
  public record Answer(int status, JsonNode body, String location) {
    /** The text of a field, or "" when absent. */
    public String text(String field) {
      return body.path(field).asText();
    }
  }

  /** GET with the admin key. */
  public Answer get(String path) {
    return send(request(path, adminKey).GET());
  }

  /** GET with the partner key. */
  public Answer getAsPartner(String path) {
    return send(request(path, partnerKey).GET());
  }

  /** GET with another key, such as a sponsoring partner's. */
  public Answer getWithKey(String path, String key) {
    return send(request(path, key).GET());
  }

  /** POST of a JSON body with the admin key. */
  public Answer post(String path, String json) {
    return send(withJson(request(path, adminKey)).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** PUT of a JSON body with the admin key. */
  public Answer put(String path, String json) {
    return send(withJson(request(path, adminKey)).PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /**
   * POST of a JSON body with the admin key to a path outside {@code /api/v1}, such as the Nchf
   * charging API the SMF calls ({@code /nchf-convergedcharging/v3/...}).
   */
  public Answer postOutsideApi(String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(root + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + adminKey);
    return send(withJson(request).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** The operator's partner API key, from which sponsoring partners' keys are derived. */
  public String partnerKey() {
    return partnerKey;
  }

  private HttpRequest.Builder request(String path, String key) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + key);
  }

  private static HttpRequest.Builder withJson(HttpRequest.Builder request) {
    return request.header("Content-Type", "application/json");
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      JsonNode json = body.isBlank() ? MissingNode.getInstance() : MAPPER.readTree(body);
      return new Answer(
          response.statusCode(), json, response.headers().firstValue("Location").orElse(""));
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new UncheckedIOException("cannot reach " + base + " (" + why + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
