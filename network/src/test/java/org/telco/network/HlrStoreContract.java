package org.telco.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link HlrStore} shares; each implementation extends this suite. */
public abstract class HlrStoreContract {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String ALICE = "8613800000001";
  private static final String BOB = "8613800000002";

  private HlrStore store;

  /** A fresh, empty store for one test. */
  protected abstract HlrStore newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @Test
  void lineNeverStoredIsOpenWithoutSessions() {
    assertThat(store.line(ALICE)).isEqualTo(new LineStatus(ALICE, false, 0, null));
    assertThat(store.log(ALICE)).isEmpty();
    assertThat(store.applied("bar:1")).isEmpty();
  }

  @Test
  void appendedCommandBecomesTheLineStatusAndIsFoundById() {
    AppliedCommand bar = applied(new NetworkCommand.Bar("bar:1", ALICE, "unpaid-fee"), true, 2, 0);

    assertThat(store.append(bar)).isEqualTo(bar);

    assertThat(store.line(ALICE)).isEqualTo(new LineStatus(ALICE, true, 2, "bar:1"));
    assertThat(store.applied("bar:1")).contains(bar);
    assertThat(store.log(ALICE)).containsExactly(bar);
  }

  @Test
  void appendingALoggedIdAgainKeepsTheFirstCommandAndLine() {
    AppliedCommand first =
        applied(new NetworkCommand.Bar("cmd:1", ALICE, "unpaid-fee"), true, 0, 0);
    AppliedCommand second = applied(new NetworkCommand.Unbar("cmd:1", ALICE), false, 0, 5);
    store.append(first);

    assertThat(store.append(second)).isEqualTo(first);

    assertThat(store.line(ALICE).barred()).isTrue();
    assertThat(store.applied("cmd:1")).contains(first);
    assertThat(store.log(ALICE)).containsExactly(first);
  }

  @Test
  void everyKindOfCommandComesBackAsItWasAppended() {
    AppliedCommand bar = applied(new NetworkCommand.Bar("bar:1", ALICE, "say \"why\""), true, 1, 1);
    AppliedCommand terminate =
        applied(new NetworkCommand.TerminateDataSessions("term:1", ALICE), true, 0, 2);
    AppliedCommand unbar = applied(new NetworkCommand.Unbar("unbar:1", ALICE), false, 0, 3);
    store.append(bar);
    store.append(terminate);
    store.append(unbar);

    assertThat(store.applied("bar:1")).contains(bar);
    assertThat(store.applied("term:1")).contains(terminate);
    assertThat(store.applied("unbar:1")).contains(unbar);
  }

  @Test
  void logHoldsEachLineCommandsOldestFirst() {
    AppliedCommand aliceBar = applied(new NetworkCommand.Bar("z:1", ALICE, "r"), true, 0, 0);
    AppliedCommand bobBar = applied(new NetworkCommand.Bar("y:2", BOB, "r"), true, 0, 1);
    AppliedCommand aliceUnbar = applied(new NetworkCommand.Unbar("x:3", ALICE), false, 0, 1);
    store.append(aliceBar);
    store.append(bobBar);
    store.append(aliceUnbar);

    assertThat(store.log(ALICE)).containsExactly(aliceBar, aliceUnbar);
    assertThat(store.log(BOB)).containsExactly(bobBar);
    assertThat(store.line(ALICE)).isEqualTo(new LineStatus(ALICE, false, 0, "x:3"));
  }

  @Test
  void savedLineReplacesTheStatusWithoutLoggingACommand() {
    AppliedCommand unbar = applied(new NetworkCommand.Unbar("unbar:1", ALICE), false, 0, 0);
    store.append(unbar);

    store.saveLine(new LineStatus(ALICE, false, 3, "unbar:1"));
    store.saveLine(new LineStatus(BOB, false, 1, null));

    assertThat(store.line(ALICE)).isEqualTo(new LineStatus(ALICE, false, 3, "unbar:1"));
    assertThat(store.line(BOB)).isEqualTo(new LineStatus(BOB, false, 1, null));
    assertThat(store.log(ALICE)).containsExactly(unbar);
    assertThat(store.log(BOB)).isEmpty();
  }

  private static AppliedCommand applied(
      NetworkCommand command, boolean barred, int sessions, int secondsAfterT0) {
    return new AppliedCommand(
        command,
        T0.plusSeconds(secondsAfterT0),
        new LineStatus(command.msisdn(), barred, sessions, command.commandId()));
  }
}
