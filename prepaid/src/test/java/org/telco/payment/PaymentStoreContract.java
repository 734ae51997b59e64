package org.telco.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telco.subscriber.Msisdn;

/**
 * The behaviour every {@link PaymentStore} shares; each implementation extends this suite (it ships
 * in the module's test-jar for stores in other modules). Instants have microsecond precision, the
 * finest a PostgreSQL timestamp keeps.
 */
public abstract class PaymentStoreContract {
  private static final Instant T0 =
      Instant.parse("2026-01-31T10:00:00.123456789Z").truncatedTo(ChronoUnit.MICROS);
  private static final Instant LATER = T0.plusSeconds(60).plusNanos(1_000);
  private static final Msisdn NUMBER = new Msisdn("8613800000001");
  private static final int THREADS = 8;

  private PaymentStore store;

  /** A fresh, empty store for one test. */
  protected abstract PaymentStore newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  private static Payment payment(String id, long amountFen) {
    return new PaymentRequest(
            new PaymentId(id), NUMBER, amountFen, new Payer("8613900000009"), PaymentChannel.CARD)
        .toPayment(T0);
  }

  private static Refund refund(String paymentId, String refundId, long amountFen) {
    return new Refund(new RefundId(refundId), new PaymentId(paymentId), amountFen, LATER);
  }

  private Payment recorded(String id, long amountFen) {
    return ((PaymentResult.Accepted) store.record(payment(id, amountFen))).payment();
  }

  @Test
  void recordedPaymentIsFoundAsRecorded() {
    Payment payment = payment("p-1", 5_000);

    assertThat(store.record(payment)).isEqualTo(new PaymentResult.Accepted(payment, false));
    assertThat(store.find(payment.id())).contains(payment);
    assertThat(store.find(new PaymentId("p-2"))).isEmpty();
    assertThat(store.refunds(payment.id())).isEmpty();
  }

  @Test
  void freeTextPayersAndEveryChannelAreKept() {
    for (PaymentChannel channel : PaymentChannel.values()) {
      Payment payment =
          new PaymentRequest(
                  new PaymentId("p-" + channel), NUMBER, 100, new Payer("Acme Ltd. (42)"), channel)
              .toPayment(T0);

      store.record(payment);

      assertThat(store.find(payment.id())).contains(payment);
    }
  }

  @Test
  void sameIdWithSameFieldsIsAReplayOfTheFirstPayment() {
    Payment first = recorded("p-1", 5_000);
    Payment retry =
        new PaymentRequest(first.id(), NUMBER, 5_000, first.payer(), first.channel())
            .toPayment(LATER);

    assertThat(store.record(retry)).isEqualTo(new PaymentResult.Accepted(first, true));
    assertThat(store.find(first.id()).orElseThrow().receivedAt()).isEqualTo(T0);
  }

  @Test
  void sameIdWithDifferentFieldsIsRejectedAndChangesNothing() {
    Payment first = recorded("p-1", 5_000);

    assertThat(store.record(payment("p-1", 5_001)))
        .isEqualTo(
            new PaymentResult.Rejected(first.id(), PaymentRejection.EXISTS_WITH_DIFFERENT_FIELDS));
    assertThat(store.find(first.id())).contains(first);
  }

  @Test
  void refundIsCountedAgainstItsPayment() {
    Payment payment = recorded("p-1", 1_000);
    Refund refund = refund("p-1", "r-1", 300);

    RefundResult result = store.addRefund(refund);

    assertThat(result).isEqualTo(new RefundResult.Accepted(refund, payment.withRefund(300), false));
    assertThat(store.find(payment.id()).orElseThrow().refundedFen()).isEqualTo(300);
    assertThat(store.refunds(payment.id())).containsExactly(refund);
  }

  @Test
  void sameRefundAgainIsAReplayAndCountsOnce() {
    recorded("p-1", 1_000);
    Refund refund = refund("p-1", "r-1", 300);
    store.addRefund(refund);

    RefundResult again =
        store.addRefund(
            new Refund(refund.refundId(), refund.paymentId(), 300, LATER.plusSeconds(5)));

    assertThat(again)
        .isEqualTo(
            new RefundResult.Accepted(refund, store.find(refund.paymentId()).orElseThrow(), true));
    assertThat(store.find(refund.paymentId()).orElseThrow().refundedFen()).isEqualTo(300);
    assertThat(store.refunds(refund.paymentId())).containsExactly(refund);
  }

  @Test
  void refundFaultsComeInPrecedenceOrder() {
    recorded("p-1", 1_000);
    store.addRefund(refund("p-1", "r-1", 1_000));

    assertThat(store.addRefund(refund("p-9", "r-1", 1)))
        .isEqualTo(
            new RefundResult.Rejected(
                new RefundId("r-1"), new PaymentId("p-9"), PaymentRejection.PAYMENT_NOT_FOUND));
    assertThat(store.addRefund(refund("p-1", "r-1", 999)))
        .isEqualTo(
            new RefundResult.Rejected(
                new RefundId("r-1"),
                new PaymentId("p-1"),
                PaymentRejection.REFUND_EXISTS_WITH_DIFFERENT_FIELDS));
    assertThat(store.addRefund(refund("p-1", "r-1", 1_000)))
        .isInstanceOf(RefundResult.Accepted.class);
    assertThat(store.addRefund(refund("p-1", "r-2", 1)))
        .isEqualTo(
            new RefundResult.Rejected(
                new RefundId("r-2"),
                new PaymentId("p-1"),
                PaymentRejection.REFUND_EXCEEDS_PAYMENT));
    assertThat(store.find(new PaymentId("p-1")).orElseThrow().refundedFen()).isEqualTo(1_000);
    assertThat(store.refunds(new PaymentId("p-1"))).hasSize(1);
  }

  @Test
  void refundsMayAddUpToThePaymentButNotBeyond() {
    recorded("p-1", 1_000);

    assertThat(store.addRefund(refund("p-1", "r-1", 600)))
        .isInstanceOf(RefundResult.Accepted.class);
    assertThat(store.addRefund(refund("p-1", "r-2", 401)))
        .isInstanceOf(RefundResult.Rejected.class);
    assertThat(store.addRefund(refund("p-1", "r-2", 400)))
        .isInstanceOf(RefundResult.Accepted.class);
    assertThat(store.find(new PaymentId("p-1")).orElseThrow().refundableFen()).isZero();
  }

  @Test
  void refundIdsBelongToTheirPayment() {
    recorded("p-1", 1_000);
    recorded("p-2", 1_000);

    store.addRefund(refund("p-1", "r-1", 100));
    RefundResult other = store.addRefund(refund("p-2", "r-1", 200));

    assertThat(other).isInstanceOf(RefundResult.Accepted.class);
    assertThat(store.refunds(new PaymentId("p-1"))).containsExactly(refund("p-1", "r-1", 100));
    assertThat(store.refunds(new PaymentId("p-2"))).containsExactly(refund("p-2", "r-1", 200));
  }

  @Test
  void refundsComeInTheOrderTheyWereRecorded() {
    recorded("p-1", 1_000);
    List<Refund> refunds =
        List.of(
            new Refund(new RefundId("z"), new PaymentId("p-1"), 10, LATER.plusSeconds(2)),
            new Refund(new RefundId("a"), new PaymentId("p-1"), 20, LATER),
            new Refund(new RefundId("m"), new PaymentId("p-1"), 30, LATER.plusSeconds(1)));
    refunds.forEach(store::addRefund);

    assertThat(store.refunds(new PaymentId("p-1"))).containsExactlyElementsOf(refunds);
  }

  @Test
  void withdrawnRefundIsGoneAndItsAmountRefundableAgain() {
    recorded("p-1", 1_000);
    store.addRefund(refund("p-1", "r-1", 600));
    store.addRefund(refund("p-1", "r-2", 100));

    boolean withdrawn = store.withdrawRefund(new PaymentId("p-1"), new RefundId("r-1"));

    assertThat(withdrawn).isTrue();
    assertThat(store.refunds(new PaymentId("p-1"))).containsExactly(refund("p-1", "r-2", 100));
    assertThat(store.find(new PaymentId("p-1")).orElseThrow().refundedFen()).isEqualTo(100);
    assertThat(store.addRefund(refund("p-1", "r-1", 900)))
        .isInstanceOf(RefundResult.Accepted.class);
    assertThat(store.withdrawRefund(new PaymentId("p-1"), new RefundId("r-9"))).isFalse();
    assertThat(store.withdrawRefund(new PaymentId("p-9"), new RefundId("r-1"))).isFalse();
  }

  @Test
  void onePaymentIdSentConcurrentlyIsRecordedOnce() throws Exception {
    List<PaymentResult> results =
        concurrently(
            i -> store.record(payment("p-1", 5_000).request().toPayment(T0.plusSeconds(i))));

    assertThat(results).allMatch(PaymentResult.Accepted.class::isInstance);
    assertThat(results).filteredOn(r -> !((PaymentResult.Accepted) r).replayed()).hasSize(1);
    Payment stored = store.find(new PaymentId("p-1")).orElseThrow();
    assertThat(results).allMatch(r -> ((PaymentResult.Accepted) r).payment().equals(stored));
  }

  @Test
  void onePaymentIdSentConcurrentlyWithDifferentAmountsKeepsOne() throws Exception {
    List<PaymentResult> results = concurrently(i -> store.record(payment("p-1", 100 + i)));

    assertThat(results).filteredOn(PaymentResult.Accepted.class::isInstance).hasSize(1);
    assertThat(results)
        .filteredOn(PaymentResult.Rejected.class::isInstance)
        .hasSize(THREADS - 1)
        .allMatch(
            r ->
                ((PaymentResult.Rejected) r).reason()
                    == PaymentRejection.EXISTS_WITH_DIFFERENT_FIELDS);
  }

  @Test
  void concurrentRefundsNeverExceedThePayment() throws Exception {
    recorded("p-1", 1_000);

    List<RefundResult> results =
        concurrently(
                i -> {
                  List<RefundResult> mine = new ArrayList<>();
                  for (int k = 0; k < 5; k++) {
                    mine.add(store.addRefund(refund("p-1", "r-" + i + "-" + k, 30)));
                  }
                  return mine;
                })
            .stream()
            .flatMap(List::stream)
            .toList();

    long accepted = results.stream().filter(RefundResult.Accepted.class::isInstance).count();
    assertThat(accepted).isEqualTo(33);
    assertThat(results)
        .filteredOn(RefundResult.Rejected.class::isInstance)
        .allMatch(
            r -> ((RefundResult.Rejected) r).reason() == PaymentRejection.REFUND_EXCEEDS_PAYMENT);
    assertThat(store.find(new PaymentId("p-1")).orElseThrow().refundedFen()).isEqualTo(990);
    assertThat(store.refunds(new PaymentId("p-1")).stream().mapToLong(Refund::amountFen).sum())
        .isEqualTo(990);
  }

  @Test
  void oneRefundIdSentConcurrentlyCountsOnce() throws Exception {
    recorded("p-1", 1_000);

    List<RefundResult> results = concurrently(i -> store.addRefund(refund("p-1", "r-1", 300)));

    assertThat(results).allMatch(RefundResult.Accepted.class::isInstance);
    assertThat(results).filteredOn(r -> !((RefundResult.Accepted) r).replayed()).hasSize(1);
    assertThat(store.find(new PaymentId("p-1")).orElseThrow().refundedFen()).isEqualTo(300);
  }

  /** Runs {@code task} on {@link #THREADS} threads released at once; answers in thread order. */
  private static <T> List<T> concurrently(IndexedTask<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        int index = i;
        Callable<T> call =
            () -> {
              start.await();
              return task.run(index);
            };
        futures.add(pool.submit(call));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A task of one of the concurrent threads. */
  @FunctionalInterface
  private interface IndexedTask<T> {
    T run(int index) throws Exception;
  }
}
