package org.telco.app.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.telco.app.InterleavingSubscriberStore;
import org.telco.app.credit.InMemoryOperator;
import org.telco.app.payment.Payments;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.NewAccount;
import org.telco.payment.InMemoryPaymentStore;
import org.telco.payment.Payer;
import org.telco.payment.PaymentChannel;
import org.telco.payment.PaymentId;
import org.telco.payment.PaymentRequest;
import org.telco.subscriber.BillingCycles;
import org.telco.subscriber.InMemorySubscriberStore;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.PlanId;
import org.telco.subscriber.ServicePassword;
import org.telco.subscriber.StateChange;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.SubscriberState;

/**
 * Top-ups (some sent twice at once) race the monthly fee run on the same few accounts while the
 * clock moves on. Whatever the interleaving, the ledger stays conserved, every payment lands once,
 * every cycle earns its fee once (charged or due), and no number is left barred with nothing due or
 * open with something due.
 */
class TopUpsAndFeesStressTest {
  private static final Instant START = Instant.parse("2026-01-10T04:00:00Z");
  private static final long FEE = 800; // alpha's basic plan
  private static final int PAYERS = 2;
  private static final int PAYMENTS_EACH = 120;
  private static final int MONTHS = 24;

  private final InterleavingSubscriberStore subscribers =
      new InterleavingSubscriberStore(new InMemorySubscriberStore());
  private final InMemoryOperator alpha =
      new InMemoryOperator(START, subscribers, 7); // small chunks: more interleavings per month
  private final org.telco.time.SimulatedClock clock = alpha.clock;
  private final ShardedLedger ledger = alpha.ledger;
  private final InMemoryPaymentStore paymentStore = alpha.paymentStore;
  private final OperatorProfile profile = alpha.profile;
  private final BillingCycles cycles = new BillingCycles(profile.zone());
  private final SubscriberAccounts accounts = alpha.accounts;
  private final BillingRun billing = alpha.billing;
  private final Payments payments = alpha.payments;
  private final Map<String, Long> paidBy = new ConcurrentHashMap<>();

  @AfterEach
  void stop() {
    alpha.close();
  }

  @RepeatedTest(4)
  void racingTopUpsAndFeesKeepEveryBookStraight() throws Exception {
    ledger.open(accounts.houseAccounts()).join();
    List<Subscriber> numbers = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      numbers.add(subscribe("861380000010" + i));
    }

    try (ExecutorService threads = Executors.newFixedThreadPool(PAYERS + 1)) {
      List<Future<?>> work = new ArrayList<>();
      for (int p = 0; p < PAYERS; p++) {
        int payer = p;
        work.add(threads.submit(() -> pay(payer, numbers, new SplittableRandom(payer))));
      }
      work.add(threads.submit(this::bill));
      for (Future<?> done : work) {
        done.get();
      }
    }
    billing.runDue();
    for (Subscriber subscriber : numbers) {
      assertStateFollowsDebt(subscriber);
    }
    for (Subscriber subscriber : numbers) {
      topUp("final:" + subscriber.msisdn().digits(), subscriber.msisdn(), 1);
    }

    ledger.checkInvariants().join();
    assertThat(sumOfBalances(numbers)).as("double entry").isZero();
    for (Subscriber subscriber : numbers) {
      assertBooksOf(subscriber);
    }
  }

  /**
   * The narrowest interleaving, pinned: the run records the fee as due, a payment settles it and
   * finds the number still ACTIVE, then the run writes the bar. The run must notice and re-open.
   */
  @Test
  void aPaymentSettlingTheFeeJustBeforeTheBarIsWrittenStillReopensTheNumber() {
    ledger.open(accounts.houseAccounts()).join();
    Subscriber subscriber = subscribe("8613800000201");
    clock.advance(Duration.ofDays(32));
    subscribers.beforeNextUpdate(() -> topUp("just-in-time", subscriber.msisdn(), FEE));

    assertThat(billing.runDue()).isEqualTo(1);

    assertThat(-credit(subscriber.arrearsAccount())).isZero();
    assertThat(subscribers.find(subscriber.msisdn()).orElseThrow().state())
        .isEqualTo(SubscriberState.ACTIVE);
    assertThat(subscribers.history(subscriber.msisdn()))
        .extracting(StateChange::to)
        .containsExactly(
            SubscriberState.ACTIVE, SubscriberState.BARRED_ARREARS, SubscriberState.ACTIVE);
  }

  /**
   * The fee run reads a barred number, a top-up re-opens it, and the run, from its stale read,
   * records the next fee as due; its write is stale, the number is read again as ACTIVE with that
   * fee recorded, and barred. The top-up left money enough to pay that fee: the run must settle it
   * and re-open the number rather than leave it barred with the money to pay.
   */
  @Test
  void aNumberReopenedBetweenTheRunsReadAndItsWriteIsNotLeftBarredWithMoney() {
    try (InMemoryOperator one = new InMemoryOperator(START, subscribers, 1)) {
      Subscriber first = subscribeOn(one, "8613800000301");
      Subscriber second = subscribeOn(one, "8613800000302");
      one.clock.advance(Duration.ofDays(32));
      one.billing.runDue(); // both barred for the first fee
      assertThat(subscribers.find(second.msisdn()).orElseThrow().state())
          .isEqualTo(SubscriberState.BARRED_ARREARS);
      one.clock.advance(Duration.ofDays(31));
      subscribers.beforeNextUpdate(
          () -> payOn(one, "between", second.msisdn(), 3 * FEE)); // lands while the run works

      one.billing.runDue();

      Subscriber after = subscribers.find(second.msisdn()).orElseThrow();
      long money = one.ledger.account(second.moneyAccount()).join().orElseThrow().creditBalance();
      long due = -one.ledger.account(second.arrearsAccount()).join().orElseThrow().creditBalance();
      assertThat(due).isZero();
      assertThat(money).isEqualTo(3 * FEE - 2 * FEE);
      assertThat(after.state()).isEqualTo(SubscriberState.ACTIVE);
      assertThat(subscribers.find(first.msisdn()).orElseThrow().state())
          .isEqualTo(SubscriberState.BARRED_ARREARS);
      one.ledger.checkInvariants().join();
    }
  }

  private Subscriber subscribeOn(InMemoryOperator operator, String msisdn) {
    Subscriber subscriber =
        Subscriber.subscribe(
            new Msisdn(msisdn),
            operator.profile.id(),
            new PlanId("basic"),
            ServicePassword.derive("Qw9-zx81".toCharArray(), new byte[16], 1),
            SubscriberAccounts.subscriberFamily(subscribers.nextFamilySerial()),
            operator.clock.instant(),
            cycles);
    operator.ledger.open(operator.accounts.open(subscriber)).join();
    subscribers.create(subscriber);
    return subscriber;
  }

  private static void payOn(InMemoryOperator operator, String id, Msisdn msisdn, long fen) {
    operator.payments.pay(
        new PaymentRequest(
            new PaymentId(id), msisdn, fen, new Payer("stress"), PaymentChannel.SANDBOX));
  }

  private void pay(int payer, List<Subscriber> numbers, SplittableRandom random) {
    for (int i = 0; i < PAYMENTS_EACH; i++) {
      Msisdn msisdn = numbers.get(random.nextInt(numbers.size())).msisdn();
      long amount = 1 + random.nextInt(1_500);
      // Every fifth payment is also sent by the other payer thread at about the same time.
      String id = i % 5 == 0 ? "shared-" + i + "-" + msisdn.digits() : "p" + payer + "-" + i;
      topUp(id, msisdn, i % 5 == 0 ? 500 : amount);
    }
  }

  private void topUp(String id, Msisdn msisdn, long amountFen) {
    PaymentRequest request =
        new PaymentRequest(
            new PaymentId(id), msisdn, amountFen, new Payer("stress"), PaymentChannel.SANDBOX);
    int status = payments.pay(request).status();
    assertThat(status).isIn(200, 201);
    paidBy.putIfAbsent(id, amountFen);
  }

  private void bill() {
    for (int month = 0; month < MONTHS; month++) {
      clock.advance(Duration.ofDays(31));
      billing.runDue();
      Thread.yield();
    }
  }

  /** Money less debt equals what was paid less every fee earned, computed apart from the ledger. */
  private void assertBooksOf(Subscriber subscriber) {
    String digits = subscriber.msisdn().digits();
    long paid =
        paidBy.entrySet().stream()
            .filter(
                e ->
                    paymentStore
                        .find(new PaymentId(e.getKey()))
                        .orElseThrow()
                        .msisdn()
                        .equals(subscriber.msisdn()))
            .mapToLong(Map.Entry::getValue)
            .sum();
    long money = credit(subscriber.moneyAccount());
    long due = -credit(subscriber.arrearsAccount());
    long fees = FEE * cyclesSoFar(subscriber);

    assertThat(money - due).as("books of %s", digits).isEqualTo(paid - fees);
    assertThat(Math.min(money, due)).as("money left beside a debt of %s", digits).isZero();
    assertStateFollowsDebt(subscriber);
  }

  /** Barred for arrears exactly while something is due. */
  private void assertStateFollowsDebt(Subscriber subscriber) {
    long due = -credit(subscriber.arrearsAccount());
    SubscriberState state = subscribers.find(subscriber.msisdn()).orElseThrow().state();
    assertThat(state)
        .as("state of %s with %d due", subscriber.msisdn(), due)
        .isEqualTo(due > 0 ? SubscriberState.BARRED_ARREARS : SubscriberState.ACTIVE);
  }

  private long cyclesSoFar(Subscriber subscriber) {
    long count = 0;
    while (!cycles.start(subscriber.createdAt(), count + 1).isAfter(clock.instant())) {
      count++;
    }
    return count;
  }

  private long sumOfBalances(List<Subscriber> numbers) {
    long sum = 0;
    for (NewAccount house : accounts.houseAccounts()) {
      sum += credit(house.id());
    }
    for (Subscriber subscriber : numbers) {
      sum += credit(subscriber.moneyAccount()) + credit(subscriber.arrearsAccount());
    }
    return sum;
  }

  private long credit(AccountId id) {
    return ledger.account(id).join().map(Account::creditBalance).orElseThrow();
  }

  private Subscriber subscribe(String msisdn) {
    Subscriber subscriber =
        Subscriber.subscribe(
            new Msisdn(msisdn),
            profile.id(),
            new PlanId("basic"),
            ServicePassword.derive("Qw9-zx81".toCharArray(), new byte[16], 1),
            SubscriberAccounts.subscriberFamily(subscribers.nextFamilySerial()),
            clock.instant(),
            cycles);
    ledger.open(accounts.open(subscriber)).join();
    subscribers.create(subscriber);
    return subscriber;
  }
}
