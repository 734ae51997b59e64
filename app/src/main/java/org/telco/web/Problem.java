package org.telco.web;

import java.util.Objects;

/**
 * An RFC 9457 problem: what went wrong, in a form a client program can act on.
 *
 * <p>{@code code} is stable and machine-readable (kebab-case); {@code field} names the offending
 * input when there is one, as a JSON path such as {@code amount} or {@code transfers[2].amount}.
 *
 * @param status the HTTP status
 * @param code the stable machine-readable code
 * @param title a short human summary that does not change between occurrences
 * @param detail what happened this time, for humans
 * @param field the offending input, or null
 */
public record Problem(int status, String code, String title, String detail, String field) {
  /** Requires the status, code and title. */
  public Problem {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("problem status must be 4xx or 5xx: " + status);
    }
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(title, "title");
  }

  /** A 400 about one input field. */
  public static Problem invalidField(String field, String detail) {
    return new Problem(400, "invalid-field", "A field is invalid", detail, field);
  }

  /** The problem as an exception, to leave a handler from any depth. */
  public ProblemException toException() {
    return new ProblemException(this);
  }
}
