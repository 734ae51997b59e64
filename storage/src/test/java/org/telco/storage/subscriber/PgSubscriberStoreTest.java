package org.telco.storage.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;
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
 * emergency-credit state, which the table's CHECK and the billing run's partial index must both
 * admit.
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
  void closeDatabase() {
    database.close();
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

  private Subscriber changed(Subscriber subscriber, StateChangeReason reason, Instant at) {
    StateChangeResult.Changed changed = (StateChangeResult.Changed) subscriber.change(reason, at);
    return ((SubscriberUpdateResult.Updated) store.update(SubscriberUpdate.of(changed)))
        .subscriber();
  }
}
