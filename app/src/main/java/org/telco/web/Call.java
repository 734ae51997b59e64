package org.telco.web;

import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;

/**
 * One authenticated HTTP call as endpoints see it: the request, its body already read (it was
 * needed to check a signature) and the caller.
 *
 * @param request the underlying request
 * @param body the raw body, empty when there is none
 * @param caller who called
 */
public record Call(ServerRequest request, byte[] body, Caller caller) {
  /** Decodes the body strictly. */
  public <T> T body(Class<T> type) {
    return Json.read(body, type);
  }

  /** A path parameter, such as {@code id} in {@code /accounts/{id}}. */
  public String pathParameter(String name) {
    return request.path().pathParameters().get(name);
  }

  /** A query parameter, if given. */
  public Optional<String> query(String name) {
    return request.query().first(name).asOptional();
  }

  /**
   * A positive integer query parameter, with a default and an upper bound.
   *
   * @throws ProblemException 400 naming the parameter if it is not a number in range
   */
  public int intQuery(String name, int byDefault, int max) {
    Optional<String> raw = query(name);
    if (raw.isEmpty()) {
      return byDefault;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below with the field name.
    }
    throw Problem.invalidField(name, name + " must be an integer from 1 to " + max).toException();
  }
}
