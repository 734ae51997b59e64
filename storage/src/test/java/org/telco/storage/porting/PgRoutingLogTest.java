package org.telco.storage.porting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;

class PgRoutingLogTest {
  private static final Msisdn NUMBER = new Msisdn("8613800000001");
  private static final OperatorId BETA = new OperatorId("beta");
  private static final OperatorId GAMMA = new OperatorId("gamma");

  private final Database database = PostgresForTests.freshDatabase();
  private final PgRoutingLog log =
      new PgRoutingLog(
          database.dataSource(),
          Clock.fixed(Instant.parse("2026-05-01T02:00:00Z"), ZoneOffset.UTC));

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aPortIsRecordedOnceAndTheLatestPortWins() {
    assertThat(log.latestVersion()).isZero();
    assertThat(log.operatorOf(NUMBER)).isEmpty();

    assertThat(log.record("port-1", NUMBER, BETA, false)).isTrue();
    assertThat(log.record("port-1", NUMBER, BETA, false)).isFalse();
    assertThat(log.latestVersion()).isEqualTo(1);
    assertThat(log.operatorOf(NUMBER)).contains(BETA);

    log.record("port-2", NUMBER, GAMMA, false);
    assertThat(log.operatorOf(NUMBER)).contains(GAMMA);
    assertThat(log.since(0, 10))
        .extracting(PgRoutingLog.Change::version, PgRoutingLog.Change::portId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, "port-1"),
            org.assertj.core.groups.Tuple.tuple(2L, "port-2"));
    assertThat(log.since(1, 10)).hasSize(1);

    log.record("port-3", NUMBER, new OperatorId("alpha"), true);
    assertThat(log.operatorOf(NUMBER)).isEmpty();
    assertThat(log.since(2, 10).getFirst().repatriated()).isTrue();
    assertThat(log.latestVersion()).isEqualTo(3);
  }

  @Test
  void portsRecordedAtOnceTakeConsecutiveVersions() throws Exception {
    List<Future<?>> futures = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 40; i++) {
        Msisdn number = new Msisdn("86138000001%02d".formatted(i));
        String port = "port-" + i;
        futures.add(threads.submit(() -> log.record(port, number, BETA, false)));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    }
    assertThat(log.latestVersion()).isEqualTo(40);
    assertThat(log.since(0, 100))
        .extracting(PgRoutingLog.Change::version)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList());
  }

  @Test
  void callsRacingToRecordOnePortRecordItOnceAndNeitherFails() throws Exception {
    List<Future<Boolean>> futures = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 8; i++) {
        futures.add(threads.submit(() -> log.record("port-race", NUMBER, BETA, false)));
      }
      int recorded = 0;
      for (Future<Boolean> future : futures) {
        recorded += future.get() ? 1 : 0;
      }
      assertThat(recorded).isEqualTo(1);
    }
    assertThat(log.latestVersion()).isEqualTo(1);
    assertThat(log.operatorOf(NUMBER)).contains(BETA);
  }
}
