package org.telco.storage.payment;

import org.junit.jupiter.api.AfterEach;
import org.telco.payment.PaymentStore;
import org.telco.payment.PaymentStoreContract;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;

/** The payment store contract on PostgreSQL, concurrency tests included. */
class PgPaymentStoreTest extends PaymentStoreContract {
  private Database database;

  @Override
  protected PaymentStore newStore() {
    database = PostgresForTests.freshDatabase();
    return new PgPaymentStore(database.dataSource());
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }
}
