package org.telco.app.console;

import io.helidon.webserver.http.ServerRequest;
import java.util.Map;
import java.util.Optional;

/**
 * One request to a console page, after the session was checked.
 *
 * @param request the HTTP request
 * @param session the logged-in user's session
 * @param form the fields of a submitted form (empty for a GET)
 */
public record PageCall(ServerRequest request, ConsoleSession session, Map<String, String> form) {
  /** A path parameter of the route. */
  public String pathParameter(String name) {
    return request.path().pathParameters().get(name);
  }

  /** A query parameter, if present. */
  public Optional<String> query(String name) {
    return request.query().first(name).asOptional();
  }

  /** A form field, or "" when absent. */
  public String field(String name) {
    return form.getOrDefault(name, "");
  }
}
