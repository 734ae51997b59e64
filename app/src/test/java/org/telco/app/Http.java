package org.telco.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small real HTTP client for tests: JSON in, status and JSON out. */
final class Http {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  /**
   * A response.
   *
   * @param status the HTTP status
   * @param contentType the Content-Type header, or ""
   * @param body the raw body
   */
  record Response(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  static Response get(String url, String key) {
    return send(builder(url, key, Map.of()).GET().build());
  }

  /** A GET with {@code headers} and no API key, such as a device's own {@code Authorization}. */
  static Response getWith(String url, Map<String, String> headers) {
    return send(builder(url, null, headers).GET().build());
  }

  static Response post(String url, String key, String json) {
    return post(url, key, json, Map.of());
  }

  static Response post(String url, String key, String json, Map<String, String> headers) {
    return send(
        builder(url, key, headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  static Response put(String url, String key, String json) {
    return send(
        builder(url, key, Map.of())
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  static Response delete(String url, String key) {
    return send(builder(url, key, Map.of()).DELETE().build());
  }

  private static HttpRequest.Builder builder(String url, String key, Map<String, String> headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (key != null) {
      builder.header("Authorization", "Bearer " + key);
    }
    headers.forEach(builder::header);
    return builder;
  }

  private static Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new AssertionError("request failed: " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
