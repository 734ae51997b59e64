package org.telco.storage.time;

import org.junit.jupiter.api.AfterEach;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;
import org.telco.time.TimerStore;
import org.telco.time.TimerStoreContract;

class PgTimerStoreTest extends TimerStoreContract {
  private Database database;

  @Override
  protected TimerStore newStore() {
    database = PostgresForTests.freshDatabase();
    return new PgTimerStore(database.dataSource());
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }
}
