package org.telco.app.console;

import java.time.Instant;

/**
 * One logged-in console user, kept on the server; the browser holds only its random id in an
 * HttpOnly, SameSite=Strict cookie.
 *
 * @param id the random id in the cookie
 * @param user the login name
 * @param role what the user may do
 * @param csrfToken the token every form of this session carries and every POST must send back
 * @param expiresAt when the session ends unless used again before
 */
public record ConsoleSession(
    String id, String user, Role role, String csrfToken, Instant expiresAt) {
  /** Shows the user and role only: id and token are secrets. */
  @Override
  public String toString() {
    return "ConsoleSession[" + user + ", " + role + "]";
  }
}
