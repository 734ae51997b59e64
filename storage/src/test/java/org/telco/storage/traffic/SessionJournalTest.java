package org.telco.storage.traffic;

import org.junit.jupiter.api.AfterEach;
import org.telco.charging.SessionStore;
import org.telco.charging.SessionStoreContract;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;

/**
 * The session store contract on the group-commit journal over PostgreSQL: racing saves of many
 * sessions share one writer and one transaction per batch, and each still applies or not on its own
 * sequence; sessions read back from memory are those the database holds.
 */
class SessionJournalTest extends SessionStoreContract {
  private Database database;
  private SessionJournal journal;

  @Override
  protected SessionStore newStore() {
    database = PostgresForTests.freshDatabase();
    journal = new SessionJournal(new PgSessionStore(database.dataSource()));
    return journal;
  }

  @AfterEach
  void closeDatabase() {
    journal.close();
    database.close();
  }
}
