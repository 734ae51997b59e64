package org.telco.web;

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
   * A body that is already encoded.
   *
   * @param contentType its media type
   * @param bytes the encoded body
   */
  public record Raw(String contentType, byte[] bytes) {}

  /** 201 with the created resource. */
  public static Reply created(Object body) {
    return new Reply(201, body);
  }
}
