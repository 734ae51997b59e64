package org.telco.app.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Slows password guessing at the console's login: after {@value #USER_FAILURES_MAX} failed logins
 * for one user name, or {@value #ADDRESS_FAILURES_MAX} from one address, within {@link #WINDOW},
 * further logins for that name or from that address are refused without looking at the password
 * until the oldest of those failures is a window old. Counting by name stops many addresses
 * guessing one password; counting by address stops one address trying many names. A successful
 * login clears its name's failures (not its address's, so a known login cannot be used to reset the
 * count between guesses at another).
 *
 * <p>Kept in memory, per node: a restart forgets the counts, as it forgets the sessions. The number
 * of remembered names and addresses is bounded; when full, entries whose failures have all aged out
 * are dropped first, then the oldest.
 */
final class LoginThrottle {
  /** Failed logins for one user name within the window before it is throttled. */
  static final int USER_FAILURES_MAX = 10;

  /** Failed logins from one address within the window before it is throttled. */
  static final int ADDRESS_FAILURES_MAX = 30;

  /** How long a failed login counts. */
  static final Duration WINDOW = Duration.ofMinutes(15);

  private static final int KEYS_MAX = 10_000;

  private final Clock clock;
  private final Map<String, Deque<Instant>> byUser = new HashMap<>();
  private final Map<String, Deque<Instant>> byAddress = new HashMap<>();

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Whether a login for {@code user} from {@code address} may be checked now. */
  synchronized boolean allows(String user, String address) {
    Instant now = clock.instant();
    return recent(byUser, userKey(user), now) < USER_FAILURES_MAX
        && recent(byAddress, address, now) < ADDRESS_FAILURES_MAX;
  }

  /** Counts a failed login. */
  synchronized void failed(String user, String address) {
    Instant now = clock.instant();
    add(byUser, userKey(user), now);
    add(byAddress, address, now);
  }

  /** Clears the failures of {@code user} after it logged in. */
  synchronized void succeeded(String user) {
    byUser.remove(userKey(user));
  }

  private static String userKey(String user) {
    String key = user.toLowerCase(Locale.ROOT);
    return key.length() > 64 ? key.substring(0, 64) : key;
  }

  private static int recent(Map<String, Deque<Instant>> failures, String key, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return 0;
    }
    forgetOld(times, now);
    if (times.isEmpty()) {
      failures.remove(key);
    }
    return times.size();
  }

  private static void add(Map<String, Deque<Instant>> failures, String key, Instant now) {
    if (failures.size() >= KEYS_MAX && !failures.containsKey(key)) {
      failures.values().forEach(times -> forgetOld(times, now));
      failures.values().removeIf(Deque::isEmpty);
      if (failures.size() >= KEYS_MAX) {
        failures.entrySet().stream()
            .min((a, b) -> a.getValue().peekLast().compareTo(b.getValue().peekLast()))
            .ifPresent(oldest -> failures.remove(oldest.getKey()));
      }
    }
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    times.addLast(now);
    forgetOld(times, now);
    while (times.size() > ADDRESS_FAILURES_MAX) {
      times.removeFirst(); // more than any limit adds nothing
    }
  }

  private static void forgetOld(Deque<Instant> times, Instant now) {
    Instant oldestCounted = now.minus(WINDOW);
    while (!times.isEmpty() && !times.peekFirst().isAfter(oldestCounted)) {
      times.removeFirst();
    }
  }
}
