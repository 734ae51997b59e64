package org.telco.storage.porting;

import org.junit.jupiter.api.AfterEach;
import org.telco.porting.PortingHolds;
import org.telco.porting.PortingHoldsContract;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;

/** The holds contract on PostgreSQL. */
class PgPortingHoldsTest extends PortingHoldsContract {
  private Database database;

  @Override
  protected PortingHolds newHolds() {
    database = PostgresForTests.freshDatabase();
    return new PgPortingHolds(database.dataSource());
  }

  @AfterEach
  void close() {
    database.close();
  }
}
