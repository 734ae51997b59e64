package org.telco.storage.traffic;

import org.junit.jupiter.api.AfterEach;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;
import org.telco.traffic.PurchaseStore;
import org.telco.traffic.PurchaseStoreContract;

/**
 * The purchase store contract on PostgreSQL, where the database, not a monitor, decides the races.
 */
class PgPurchaseStoreTest extends PurchaseStoreContract {
  private Database database;

  @Override
  protected PurchaseStore newStore() {
    database = PostgresForTests.freshDatabase();
    return new PgPurchaseStore(database.dataSource());
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }
}
