package org.telco.storage.subscriber;

import org.junit.jupiter.api.AfterEach;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;
import org.telco.subscriber.SubscriberStore;
import org.telco.subscriber.SubscriberStoreContract;

/** The subscriber store contract on PostgreSQL, concurrency tests included. */
class PgSubscriberStoreTest extends SubscriberStoreContract {
  private Database database;

  @Override
  protected SubscriberStore newStore() {
    database = PostgresForTests.freshDatabase();
    return new PgSubscriberStore(database.dataSource());
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }
}
