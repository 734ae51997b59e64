package org.telco.porting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telco.porting.PortingStore.Creation;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.ServicePassword;

/** What every {@link PortingStore} does; each implementation's test extends it. */
public abstract class PortingStoreContract {
  static final Instant T0 = Instant.parse("2026-05-01T02:00:00Z");
  static final Msisdn NUMBER = new Msisdn("8613800000001");
  static final Msisdn OTHER = new Msisdn("8613800000002");
  static final OperatorId ALPHA = new OperatorId("alpha");
  static final OperatorId BETA = new OperatorId("beta");
  static final OperatorId GAMMA = new OperatorId("gamma");

  private PortingStore store;

  /** A new, empty store. */
  protected abstract PortingStore newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @Test
  void aDepositIsUsedOnceAndANewerOneReplacesIt() {
    Deposit first = deposit(1);
    store.deposit(first);

    assertThat(store.deposit(NUMBER).orElseThrow().used()).isFalse();
    assertThat(store.use(first)).isTrue();
    assertThat(store.use(first)).isFalse();
    assertThat(store.deposit(NUMBER).orElseThrow().used()).isTrue();

    Deposit second = deposit(2);
    store.deposit(second);
    assertThat(store.use(first)).isFalse();
    assertThat(store.deposit(NUMBER).orElseThrow().deposit().nonce()).isEqualTo(second.nonce());
    assertThat(store.deposit(NUMBER).orElseThrow().used()).isFalse();
    assertThat(store.deposit(OTHER)).isEmpty();
  }

  @Test
  void racingVerificationsUseADepositOnce() throws Exception {
    Deposit deposit = deposit(1);
    store.deposit(deposit);
    List<Boolean> uses = race(8, () -> store.use(deposit));
    assertThat(uses).filteredOn(used -> used).hasSize(1);
  }

  @Test
  void failuresAreCountedPerNumberFromAnInstant() {
    store.recordFailure(NUMBER, T0.minusSeconds(10));
    store.recordFailure(NUMBER, T0);
    store.recordFailure(OTHER, T0);

    assertThat(store.failuresSince(NUMBER, T0.minusSeconds(10))).isEqualTo(2);
    assertThat(store.failuresSince(NUMBER, T0.minusSeconds(9))).isEqualTo(1);
    assertThat(store.failuresSince(new Msisdn("8613800000009"), T0)).isZero();
  }

  @Test
  void aNumberHasOneOpenRequestAndAnIdIsTakenOnce() {
    PortRequest first = PortRequest.requested("port-1", NUMBER, ALPHA, BETA, T0);

    assertThat(store.create(first)).isEqualTo(Creation.CREATED);
    assertThat(store.create(first)).isEqualTo(Creation.ID_TAKEN);
    assertThat(store.create(PortRequest.requested("port-2", NUMBER, ALPHA, GAMMA, T0)))
        .isEqualTo(Creation.NUMBER_BUSY);
    assertThat(store.openRequest(NUMBER)).contains(first);

    PortRequest rejected = first.end(PortRejection.WRONG_PROOF, T0.plusSeconds(1));
    assertThat(store.replace(first, rejected)).isTrue();
    assertThat(store.openRequest(NUMBER)).isEmpty();
    assertThat(store.create(PortRequest.requested("port-2", NUMBER, ALPHA, GAMMA, T0)))
        .isEqualTo(Creation.CREATED);
    assertThatThrownBy(() -> store.create(rejected)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRequestMovesOnlyFromTheStateItWasReadIn() {
    PortRequest requested = PortRequest.requested("port-1", NUMBER, ALPHA, BETA, T0);
    store.create(requested);
    PortRequest verified = requested.moveTo(PortState.VERIFIED, T0.plusSeconds(1));
    CreditReport credit = new CreditReport(NUMBER, 1_800, 0, null, 0, 250, 400);
    PortRequest checked = verified.creditChecked(credit, T0.plusSeconds(2));

    assertThat(store.replace(requested, verified)).isTrue();
    assertThat(store.replace(requested, requested.end(PortRejection.TIMED_OUT, T0))).isFalse();
    assertThat(store.replace(verified, checked)).isTrue();
    assertThat(store.request("port-1")).contains(checked);
    assertThat(store.request("port-1").orElseThrow().credit()).isEqualTo(credit);
    assertThatThrownBy(() -> store.replace(checked, verified))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void requestsAreListedByStateAndByOperator() {
    PortRequest a = PortRequest.requested("port-a", NUMBER, ALPHA, BETA, T0);
    PortRequest b = PortRequest.requested("port-b", OTHER, GAMMA, ALPHA, T0.plusSeconds(5));
    store.create(a);
    store.create(b);
    store.replace(b, b.moveTo(PortState.VERIFIED, T0.plusSeconds(6)));

    assertThat(store.inState(PortState.REQUESTED, 10))
        .extracting(PortRequest::id)
        .containsExactly("port-a");
    assertThat(store.involving(ALPHA, 10))
        .extracting(PortRequest::id)
        .containsExactly("port-b", "port-a");
    assertThat(store.involving(BETA, 10)).extracting(PortRequest::id).containsExactly("port-a");
    assertThat(store.involving(ALPHA, 1)).hasSize(1);
  }

  @Test
  void aNumbersRequestsAreListedForTheOperatorsItInvolves() {
    PortRequest out = PortRequest.requested("port-out", NUMBER, ALPHA, BETA, T0);
    store.create(out);
    store.replace(out, out.end(PortRejection.NO_DEPOSIT, T0.plusSeconds(1)));
    store.create(PortRequest.requested("port-back", NUMBER, ALPHA, GAMMA, T0.plusSeconds(5)));
    store.create(PortRequest.requested("port-other", OTHER, ALPHA, BETA, T0.plusSeconds(9)));

    assertThat(store.ofNumber(NUMBER, ALPHA, 10))
        .extracting(PortRequest::id)
        .containsExactly("port-back", "port-out");
    assertThat(store.ofNumber(NUMBER, BETA, 10))
        .extracting(PortRequest::id)
        .containsExactly("port-out");
    assertThat(store.ofNumber(NUMBER, ALPHA, 1))
        .extracting(PortRequest::id)
        .containsExactly("port-back");
    assertThat(store.ofNumber(OTHER, GAMMA, 10)).isEmpty();
  }

  private static Deposit deposit(int seed) {
    PortingNonce nonce = PortingNonce.issue(new Random(seed));
    PortingProof proof =
        PortingProof.of(ServicePassword.derive("pw".toCharArray(), new byte[16], 1), nonce);
    return new Deposit(NUMBER, ALPHA, nonce, proof, T0, T0.plusSeconds(3_600));
  }

  private static <T> List<T> race(int racers, Callable<T> call) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<T> results = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(racers)) {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        futures.add(
            threads.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
    }
    return results;
  }
}
