package org.telco.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.telco.time.SimulatedClock;

class SimulatedHlrTest {
  private static final String ALICE = "8613800000001";
  private static final String BOB = "8613800000002";

  private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final SimulatedHlr hlr = new SimulatedHlr(new InMemoryHlrStore(), clock);

  @Test
  void lineIsOpenUntilBarredAndOpenAgainWhenUnbarred() {
    assertThat(hlr.status(ALICE)).isEqualTo(LineStatus.fresh(ALICE));

    AppliedCommand bar = hlr.apply(new NetworkCommand.Bar("bar:1", ALICE, "unpaid-fee"));
    assertThat(bar.lineAfter()).isEqualTo(new LineStatus(ALICE, true, 0, "bar:1"));
    assertThat(bar.appliedAt()).isEqualTo(clock.instant());
    assertThat(hlr.status(ALICE).barred()).isTrue();
    assertThat(hlr.status(BOB).barred()).as("other lines are untouched").isFalse();

    hlr.apply(new NetworkCommand.Unbar("unbar:1", ALICE));
    assertThat(hlr.status(ALICE)).isEqualTo(new LineStatus(ALICE, false, 0, "unbar:1"));
  }

  @Test
  void repeatedCommandIdChangesNothingAndReturnsTheFirstOutcome() {
    AppliedCommand first = hlr.apply(new NetworkCommand.Bar("bar:1", ALICE, "unpaid-fee"));
    clock.advance(Duration.ofMinutes(1));
    hlr.apply(new NetworkCommand.Unbar("unbar:1", ALICE));
    clock.advance(Duration.ofMinutes(1));

    AppliedCommand again = hlr.apply(new NetworkCommand.Bar("bar:1", ALICE, "unpaid-fee"));

    assertThat(again).isEqualTo(first);
    assertThat(hlr.status(ALICE).barred()).as("the late duplicate did not re-bar").isFalse();
    assertThat(hlr.commandLog(ALICE))
        .extracting(applied -> applied.command().commandId())
        .containsExactly("bar:1", "unbar:1");
  }

  @Test
  void barringRefusesNewSessionsAndTerminationEndsOpenOnes() {
    assertThat(hlr.openDataSession(ALICE)).isTrue();
    assertThat(hlr.openDataSession(ALICE)).isTrue();

    hlr.apply(new NetworkCommand.Bar("bar:1", ALICE, "unpaid-fee"));
    assertThat(hlr.status(ALICE).dataSessionsActive())
        .as("barring keeps open sessions")
        .isEqualTo(2);
    assertThat(hlr.openDataSession(ALICE)).isFalse();

    hlr.apply(new NetworkCommand.TerminateDataSessions("term:1", ALICE));
    assertThat(hlr.status(ALICE)).isEqualTo(new LineStatus(ALICE, true, 0, "term:1"));
  }

  @Test
  void commandLogKeepsEveryCommandOfTheLineInOrderWithItsTime() {
    hlr.apply(new NetworkCommand.Bar("bar:1", ALICE, "unpaid-fee"));
    hlr.apply(new NetworkCommand.Bar("bar:bob", BOB, "voluntary-suspension"));
    clock.advance(Duration.ofDays(3));
    hlr.apply(new NetworkCommand.Unbar("unbar:1", ALICE));

    assertThat(hlr.commandLog(ALICE))
        .extracting(AppliedCommand::command, AppliedCommand::appliedAt)
        .containsExactly(
            tuple(
                new NetworkCommand.Bar("bar:1", ALICE, "unpaid-fee"),
                Instant.parse("2026-01-01T00:00:00Z")),
            tuple(
                new NetworkCommand.Unbar("unbar:1", ALICE), Instant.parse("2026-01-04T00:00:00Z")));
  }
}
