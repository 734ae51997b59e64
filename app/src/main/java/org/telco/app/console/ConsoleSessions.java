package org.telco.app.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console sessions of one node, in memory: a restart logs everybody out, which a demo console
 * can afford. A session ends after {@link #IDLE} without a request, or at logout. Expiry reads the
 * wall clock, never the business clock, so advancing the simulated clock logs nobody out.
 */
public final class ConsoleSessions {
  /** How long a session lives without a request. */
  public static final Duration IDLE = Duration.ofMinutes(30);

  private static final int ID_BYTES = 32;

  private final Map<String, ConsoleSession> byId = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock wallClock;

  /** Sessions whose expiry is read from {@code wallClock}. */
  public ConsoleSessions(Clock wallClock) {
    this.wallClock = wallClock;
  }

  /** Opens a session for {@code user} after a successful login. */
  public ConsoleSession open(String user, Role role) {
    Instant now = wallClock.instant();
    byId.values().removeIf(s -> s.expiresAt().isBefore(now));
    ConsoleSession session = new ConsoleSession(secret(), user, role, secret(), now.plus(IDLE));
    byId.put(session.id(), session);
    return session;
  }

  /** The live session with this id, its expiry pushed back; empty when unknown or expired. */
  public Optional<ConsoleSession> find(String id) {
    ConsoleSession found = byId.get(id);
    if (found == null) {
      return Optional.empty();
    }
    Instant now = wallClock.instant();
    if (found.expiresAt().isBefore(now)) {
      byId.remove(id);
      return Optional.empty();
    }
    ConsoleSession renewed =
        new ConsoleSession(
            found.id(), found.user(), found.role(), found.csrfToken(), now.plus(IDLE));
    byId.put(id, renewed);
    return Optional.of(renewed);
  }

  /** Ends the session, if it exists. */
  public void close(String id) {
    byId.remove(id);
  }

  /** Whether {@code presented} is the session's CSRF token, compared in constant time. */
  public static boolean csrfMatches(ConsoleSession session, String presented) {
    return presented != null
        && MessageDigest.isEqual(
            session.csrfToken().getBytes(StandardCharsets.US_ASCII),
            presented.getBytes(StandardCharsets.US_ASCII));
  }

  private String secret() {
    byte[] bytes = new byte[ID_BYTES];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
