package org.telco.storage.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;
import org.telco.subscriber.StateChange;
import org.telco.subscriber.StateChangeReason;
import org.telco.subscriber.StateChangeResult;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberCreation;
import org.telco.subscriber.SubscriberFixtures;
import org.telco.subscriber.SubscriberState;
import org.telco.subscriber.SubscriberStore;
import org.telco.subscriber.SubscriberStoreContract;
import org.telco.subscriber.SubscriberUpdate;
import org.telco.subscriber.SubscriberUpdateResult;

/**
 * The subscriber store contract on PostgreSQL, concurrency tests included, plus the
 * emergency-credit state, which the table's CHECK must admit and the billing run's query must still
 * find. The history has no foreign key (V014): after every test, each of its rows must still have
 * its subscriber, whatever the test created, updated, raced or refused.
 */
class PgSubscriberStoreTest extends SubscriberStoreContract {
  private static final Instant T0 = Instant.parse("2026-01-31T10:00:00Z");

  private Database database;
  private PgSubscriberStore store;

  @Override
  protected SubscriberStore newStore() {
    database = PostgresForTests.freshDatabase();
    store = new PgSubscriberStore(database.dataSource());
    return store;
  }

  @AfterEach
  void closeDatabase() throws SQLException {
    try {
      assertThat(historyRowsWithoutTheirSubscriber()).isZero();
    } finally {
      database.close();
    }
  }

  private long historyRowsWithoutTheirSubscriber() throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                """
                SELECT count(*) FROM subscriber_state_change h
                WHERE NOT EXISTS (SELECT 1 FROM subscriber s WHERE s.msisdn = h.msisdn)
                """)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @Test
  void aNumberOnEmergencyCreditIsStoredAndStillBilled() {
    Subscriber created =
        ((SubscriberCreation.Created)
                store.create(SubscriberFixtures.subscriber("8613800000001", 1, T0)))
            .subscriber();
    Subscriber barred = changed(created, StateChangeReason.FEE_UNPAID, T0.plusSeconds(60));

    Subscriber reopened =
        changed(barred, StateChangeReason.EMERGENCY_CREDIT_GRANTED, T0.plusSeconds(120));

    assertThat(reopened.state()).isEqualTo(SubscriberState.EMERGENCY_CREDIT);
    assertThat(store.find(created.msisdn())).contains(reopened);
    assertThat(store.history(created.msisdn()).getLast().to())
        .isEqualTo(SubscriberState.EMERGENCY_CREDIT);
    assertThat(store.dueForCycle(reopened.nextCycleAt(), 10)).containsExactly(reopened);
  }

  /**
   * The store answers an update with the subscriber it wrote, built from the update rather than
   * read back: it must be what a read returns, the cycle start at the microseconds kept.
   */
  @Test
  void anUpdatedSubscriberIsWhatAReadReturns() {
    Subscriber created =
        ((SubscriberCreation.Created)
                store.create(SubscriberFixtures.subscriber("8613800000001", 1, T0)))
            .subscriber();
    Subscriber moved = created.withNextCycleAt(T0.plusSeconds(86_400).plusNanos(123_456_789));

    List<SubscriberUpdateResult> results =
        store.updateAll(
            List.of(
                SubscriberUpdate.of(moved),
                SubscriberUpdate.of(
                    SubscriberFixtures.subscriber("8613800000009", 9, T0).withVersion(0))));

    assertThat(results.getFirst())
        .isEqualTo(new SubscriberUpdateResult.Updated(store.find(created.msisdn()).orElseThrow()));
    assertThat(((SubscriberUpdateResult.Updated) results.getFirst()).subscriber().nextCycleAt())
        .isEqualTo(T0.plusSeconds(86_400).plusNanos(123_456_000));
    assertThat(results.getLast()).isInstanceOf(SubscriberUpdateResult.NotFound.class);
  }

  /** V020 keys the history by (msisdn, seq): each number still reads its own entries in order. */
  @Test
  void historiesWrittenInterleavedAreEachReadBackInOrder() {
    List<Subscriber> numbers = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      numbers.add(
          ((SubscriberCreation.Created)
                  store.create(SubscriberFixtures.subscriber("861380000000" + i, i, T0)))
              .subscriber());
    }
    StateChangeReason[] reasons = {
      StateChangeReason.FEE_UNPAID,
      StateChangeReason.EMERGENCY_CREDIT_GRANTED,
      StateChangeReason.ADVANCE_DEFAULTED
    };
    for (int step = 0; step < reasons.length; step++) {
      for (int i = numbers.size() - 1; i >= 0; i--) {
        numbers.set(i, changed(numbers.get(i), reasons[step], T0.plusSeconds(60L * (step + 1))));
      }
    }

    for (Subscriber number : numbers) {
      assertThat(store.history(number.msisdn()))
          .extracting(StateChange::reason)
          .containsExactly(
              StateChangeReason.SUBSCRIBED,
              StateChangeReason.FEE_UNPAID,
              StateChangeReason.EMERGENCY_CREDIT_GRANTED,
              StateChangeReason.ADVANCE_DEFAULTED);
    }
  }

  private Subscriber changed(Subscriber subscriber, StateChangeReason reason, Instant at) {
    StateChangeResult.Changed changed = (StateChangeResult.Changed) subscriber.change(reason, at);
    return ((SubscriberUpdateResult.Updated) store.update(SubscriberUpdate.of(changed)))
        .subscriber();
  }
}
