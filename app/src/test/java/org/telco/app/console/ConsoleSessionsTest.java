package org.telco.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.telco.time.SimulatedClock;

class ConsoleSessionsTest {
  private final SimulatedClock wall = new SimulatedClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final ConsoleSessions sessions = new ConsoleSessions(wall);

  @Test
  void sessionLivesWhileUsedAndEndsAfterItsIdleTime() {
    ConsoleSession session = sessions.open("care", Role.CARE);

    wall.advance(ConsoleSessions.IDLE.minusMinutes(1));
    assertThat(sessions.find(session.id())).map(ConsoleSession::user).contains("care");
    wall.advance(ConsoleSessions.IDLE.minusMinutes(1));
    assertThat(sessions.find(session.id())).isPresent();
    wall.advance(ConsoleSessions.IDLE.plus(Duration.ofSeconds(1)));
    assertThat(sessions.find(session.id())).isEmpty();
  }

  @Test
  void logoutEndsTheSessionAndIdsAndTokensAreUnguessable() {
    ConsoleSession first = sessions.open("admin", Role.ADMIN);
    ConsoleSession second = sessions.open("admin", Role.ADMIN);

    assertThat(first.id()).hasSize(64).isNotEqualTo(second.id()).isNotEqualTo(first.csrfToken());
    assertThat(first.toString()).doesNotContain(first.id()).doesNotContain(first.csrfToken());
    sessions.close(first.id());
    assertThat(sessions.find(first.id())).isEmpty();
    assertThat(sessions.find(second.id())).isPresent();
  }

  @Test
  void onlyTheSessionsOwnTokenPassesTheCsrfCheck() {
    ConsoleSession session = sessions.open("admin", Role.ADMIN);
    ConsoleSession other = sessions.open("care", Role.CARE);

    assertThat(ConsoleSessions.csrfMatches(session, session.csrfToken())).isTrue();
    assertThat(ConsoleSessions.csrfMatches(session, other.csrfToken())).isFalse();
    assertThat(ConsoleSessions.csrfMatches(session, null)).isFalse();
    assertThat(ConsoleSessions.csrfMatches(session, "")).isFalse();
  }
}
