package org.telco.storage.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.network.HlrStore;
import org.telco.network.HlrStoreContract;
import org.telco.network.LineStatus;
import org.telco.network.NetworkCommand;
import org.telco.network.SimulatedHlr;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;
import org.telco.time.SimulatedClock;

/** The HLR store contract on PostgreSQL, plus a simulator that outlives its process. */
class PgHlrStoreTest extends HlrStoreContract {
  private static final String ALICE = "8613800000001";

  private Database database;

  @Override
  protected HlrStore newStore() {
    database = PostgresForTests.freshDatabase();
    return new PgHlrStore(database.dataSource());
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void simulatorRestartedOnTheSameDatabaseRemembersLinesAndCommands() {
    SimulatedClock clock = new SimulatedClock(Instant.parse("2026-01-01T00:00:00Z"));
    SimulatedHlr before = new SimulatedHlr(new PgHlrStore(database.dataSource()), clock);
    before.openDataSession(ALICE);
    before.apply(new NetworkCommand.Bar("bar:1", ALICE, "unpaid-fee"));

    SimulatedHlr after = new SimulatedHlr(new PgHlrStore(database.dataSource()), clock);
    after.apply(new NetworkCommand.Bar("bar:1", ALICE, "unpaid-fee"));

    assertThat(after.status(ALICE)).isEqualTo(new LineStatus(ALICE, true, 1, "bar:1"));
    assertThat(after.commandLog(ALICE)).hasSize(1);
    assertThat(after.openDataSession(ALICE)).isFalse();
  }
}
