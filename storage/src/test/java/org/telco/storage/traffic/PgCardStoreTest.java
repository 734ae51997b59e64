package org.telco.storage.traffic;

import org.junit.jupiter.api.AfterEach;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;
import org.telco.traffic.CardStore;
import org.telco.traffic.CardStoreContract;

/** The card store contract on PostgreSQL, where the database, not a monitor, decides the races. */
class PgCardStoreTest extends CardStoreContract {
  private Database database;

  @Override
  protected CardStore newStore() {
    database = PostgresForTests.freshDatabase();
    return new PgCardStore(database.dataSource());
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }
}
