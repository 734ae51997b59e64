package org.telco.storage.traffic;

import org.junit.jupiter.api.AfterEach;
import org.telco.charging.SessionStore;
import org.telco.charging.SessionStoreContract;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;

/**
 * The session store contract on PostgreSQL, where the database, not a monitor, decides the races.
 */
class PgSessionStoreTest extends SessionStoreContract {
  private Database database;

  @Override
  protected SessionStore newStore() {
    database = PostgresForTests.freshDatabase();
    return new PgSessionStore(database.dataSource());
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }
}
