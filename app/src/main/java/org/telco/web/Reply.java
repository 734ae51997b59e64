package org.telco.web;

import java.util.Map;

/**
 * What an endpoint answers: a status and a body written as JSON.
 *
 * @param status the HTTP status
 * @param body the value to encode, or null for no body
 */
public record Reply(int status, Object body) {
  /** 200 with a body. */
  public static Reply ok(Object body) {
    return new Reply(200, body);
  }

  /** 200 with a body sent as is, such as YAML or Prometheus text. */
  public static Reply raw(String contentType, byte[] bytes) {
    return new Reply(200, new Raw(contentType, bytes));
  }

  /**
   * A reply with any status whose body is already encoded, with extra headers (such as Location).
   */
  public static Reply encoded(
      int status, String contentType, byte[] bytes, Map<String, String> headers) {
    return new Reply(status, new Raw(contentType, bytes, headers));
  }

  /**
   * A body that is already encoded.
   *
   * @param contentType its media type
   * @param bytes the encoded body
   * @param headers extra response headers
   */
  public record Raw(String contentType, byte[] bytes, Map<String, String> headers) {
    /** Freezes the headers. */
    public Raw {
      headers = Map.copyOf(headers);
    }

    /** A body without extra headers. */
    public Raw(String contentType, byte[] bytes) {
      this(contentType, bytes, Map.of());
    }
  }

  /** 201 with the created resource. */
  public static Reply created(Object body) {
    return new Reply(201, body);
  }
}
