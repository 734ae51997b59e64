package org.telco.storage.ledger;

import org.junit.jupiter.api.AfterEach;
import org.telco.ledger.LedgerStore;
import org.telco.ledger.LedgerStoreContract;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;

class PgLedgerStoreTest extends LedgerStoreContract {
  private Database database;

  @Override
  protected LedgerStore newStore() {
    database = PostgresForTests.freshDatabase();
    return new PgLedgerStore(database.dataSource());
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }
}
