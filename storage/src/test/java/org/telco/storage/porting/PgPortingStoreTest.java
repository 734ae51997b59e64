package org.telco.storage.porting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.porting.PortRequest;
import org.telco.porting.PortingStore;
import org.telco.porting.PortingStore.Creation;
import org.telco.porting.PortingStoreContract;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;

/**
 * The porting store contract on PostgreSQL, plus requests for one number created at once from
 * separate transactions, where the partial unique index, not a monitor, keeps one open.
 */
class PgPortingStoreTest extends PortingStoreContract {
  private Database database;
  private PgPortingStore store;

  @Override
  protected PortingStore newStore() {
    database = PostgresForTests.freshDatabase();
    store = new PgPortingStore(database.dataSource());
    return store;
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void requestsForOneNumberCreatedAtOnceLeaveOneOpen() throws Exception {
    Msisdn number = new Msisdn("8613800000077");
    Instant at = Instant.parse("2026-05-01T02:00:00Z");
    CountDownLatch start = new CountDownLatch(1);
    List<Creation> results = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(6)) {
      List<Future<Creation>> futures = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        PortRequest request =
            PortRequest.requested(
                "port-" + i, number, new OperatorId("alpha"), new OperatorId("beta"), at);
        futures.add(
            threads.submit(
                () -> {
                  start.await();
                  return store.create(request);
                }));
      }
      start.countDown();
      for (Future<Creation> future : futures) {
        results.add(future.get());
      }
    }
    assertThat(results).filteredOn(r -> r == Creation.CREATED).hasSize(1);
    assertThat(results).filteredOn(r -> r == Creation.NUMBER_BUSY).hasSize(5);
    assertThat(store.openRequest(number)).isPresent();
  }
}
