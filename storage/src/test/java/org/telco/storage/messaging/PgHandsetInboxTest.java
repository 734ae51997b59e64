package org.telco.storage.messaging;

import org.junit.jupiter.api.AfterEach;
import org.telco.messaging.HandsetInbox;
import org.telco.messaging.HandsetInboxContract;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;

/** The handset inbox contract on PostgreSQL. */
class PgHandsetInboxTest extends HandsetInboxContract {
  private Database database;

  @Override
  protected HandsetInbox newInbox() {
    database = PostgresForTests.freshDatabase();
    return new PgHandsetInbox(database.dataSource());
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }
}
