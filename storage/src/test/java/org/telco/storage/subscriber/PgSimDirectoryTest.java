package org.telco.storage.subscriber;

import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;
import org.telco.subscriber.SimDirectory;
import org.telco.subscriber.SimDirectoryContract;

/** The SIM directory contract on PostgreSQL, where the unique index decides the races. */
class PgSimDirectoryTest extends SimDirectoryContract {
  private Database database;

  @Override
  protected SimDirectory newDirectory() {
    database = PostgresForTests.freshDatabase();
    return new PgSimDirectory(database.dataSource(), Clock.systemUTC());
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }
}
