package org.telco.storage.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telco.device.DeviceFixtures.ALICE;
import static org.telco.device.DeviceFixtures.BOB;
import static org.telco.device.DeviceFixtures.T0;
import static org.telco.device.DeviceFixtures.binding;
import static org.telco.device.DeviceFixtures.device;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.device.Binding;
import org.telco.device.DeviceId;
import org.telco.device.DeviceStore;
import org.telco.device.DeviceStore.BindResult;
import org.telco.device.DeviceStore.Recording;
import org.telco.device.DeviceStoreContract;
import org.telco.device.Purchase;
import org.telco.device.SpendCap;
import org.telco.device.UnbindChannel;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;

/**
 * The device store contract on PostgreSQL, plus binds racing in separate transactions (where the
 * partial unique index, not a monitor, keeps one active binding per device) and what the schema
 * refuses on its own.
 */
class PgDeviceStoreTest extends DeviceStoreContract {
  private static final int ROUNDS = 50;
  private static final SpendCap CAP = new SpendCap(10_000, ZoneOffset.UTC);

  private Database database;
  private PgDeviceStore store;

  @Override
  protected DeviceStore newStore() {
    database = PostgresForTests.freshDatabase();
    store = new PgDeviceStore(database.dataSource());
    return store;
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void twoBindsForOneDeviceAtOnceStoreExactlyOne() throws Exception {
    try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
      for (int round = 0; round < ROUNDS; round++) {
        DeviceId box = new DeviceId("RACE-%04d".formatted(round));
        store.register(device(box, round));
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<BindResult>> racers = new ArrayList<>();
        for (Binding binding :
            List.of(binding("a" + round, box, ALICE, T0), binding("b" + round, box, BOB, T0))) {
          racers.add(
              () -> {
                start.await();
                return store.bind(binding);
              });
        }
        List<Future<BindResult>> results = new ArrayList<>();
        for (Callable<BindResult> racer : racers) {
          results.add(threads.submit(racer));
        }
        start.countDown();

        List<BindResult> answers = new ArrayList<>();
        for (Future<BindResult> result : results) {
          answers.add(result.get());
        }
        assertThat(answers)
            .containsExactlyInAnyOrder(BindResult.BOUND, BindResult.DEVICE_ALREADY_BOUND);
        String winner = store.activeBinding(box).orElseThrow().id();
        assertThat(store.device(box).orElseThrow().bindingId()).isEqualTo(winner);
      }
    }
  }

  @Test
  void timesReadBackToTheMicrosecondAndAReplayStillMatches() {
    DeviceId box = new DeviceId("TVBOX-0009");
    store.register(device(box, 9));
    Binding active = binding("b1", box, ALICE, T0.plusNanos(123_456_789));
    store.bind(active);
    Binding read = store.binding("b1").orElseThrow();
    Purchase purchase = Purchase.through(read, "p-1", "movie", 500, T0.plusNanos(987_654_321));

    assertThat(read.boundAt()).isEqualTo(T0.plusNanos(123_456_000));
    assertThat(store.unbind(read, read.unbind(T0.plusSeconds(60), UnbindChannel.API))).isTrue();
    assertThat(store.record(purchase, CAP)).isEqualTo(Recording.RECORDED);
    assertThat(store.record(purchase, CAP)).isEqualTo(Recording.REPLAYED);
    assertThat(store.purchase(box, "p-1").orElseThrow().at()).isEqualTo(T0.plusNanos(987_654_000));
  }

  @Test
  void aPurchaseThroughNoStoredBindingIsACallersBugTheSchemaRefuses() {
    DeviceId box = new DeviceId("TVBOX-0009");
    store.register(device(box, 9));
    Purchase orphan =
        Purchase.through(binding("never-stored", box, ALICE, T0), "p-1", "movie", 500, T0);

    assertThatThrownBy(() -> store.record(orphan, CAP)).isInstanceOf(DeviceStoreFailure.class);
    assertThat(store.purchase(box, "p-1")).isEmpty();
  }
}
