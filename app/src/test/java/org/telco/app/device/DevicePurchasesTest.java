package org.telco.app.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.app.EngineShards;
import org.telco.app.device.DevicePurchases.Order;
import org.telco.app.device.DevicePurchases.Outcome;
import org.telco.device.Binding;
import org.telco.device.BindingToken;
import org.telco.device.Consent;
import org.telco.device.Device;
import org.telco.device.DeviceId;
import org.telco.device.InMemoryDeviceStore;
import org.telco.device.Purchase;
import org.telco.device.PurchaseCharge;
import org.telco.device.PurchaseRules;
import org.telco.device.PurchaseTransfers;
import org.telco.device.PurchaseVerdict;
import org.telco.device.SpendCap;
import org.telco.device.UnbindChannel;
import org.telco.engine.EngineSettings;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.InMemoryLedgerStore;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.subscriber.BillingCycles;
import org.telco.subscriber.InMemorySubscriberStore;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.PlanId;
import org.telco.subscriber.ServicePassword;
import org.telco.subscriber.StateChangeReason;
import org.telco.subscriber.StateChangeResult;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.SubscriberUpdate;
import org.telco.subscriber.TransferIds;
import org.telco.time.SimulatedClock;

/**
 * Carrier billing over the reference device store, the in-memory subscriber store and a real ledger
 * engine: each purchase moves the payer's money to carrier billing once, and after every step the
 * money moved equals what the store holds as CHARGED.
 */
class DevicePurchasesTest {
  private static final Instant T0 = Instant.parse("2026-03-10T04:30:00Z");
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DeviceId BOX = new DeviceId("TVBOX-0001");
  private static final DeviceId OTHER_BOX = new DeviceId("TVBOX-0002");
  private static final Msisdn PHONE = new Msisdn("8613800000002");
  private static final ServicePassword PASSWORD =
      ServicePassword.derive("Qw9-zx81".toCharArray(), new byte[16], 1);
  private static final long CAP = 1_000;

  private final SimulatedClock clock = new SimulatedClock(T0);
  private final ShardedLedger ledger =
      ShardedLedger.start(new InMemoryLedgerStore(), clock, EngineSettings.DEFAULT);
  private final SubscriberAccounts accounts = new SubscriberAccounts(new EngineShards(ledger));
  private final InMemoryDeviceStore devices = new InMemoryDeviceStore();
  private final InMemorySubscriberStore subscribers = new InMemorySubscriberStore();
  private final DevicePurchases purchases =
      new DevicePurchases(
          devices,
          subscribers,
          new PurchaseRules(new SpendCap(CAP, ZONE)),
          new PurchaseTransfers(accounts),
          ledger,
          clock);
  private final Subscriber payer = subscriber(PHONE, 2);
  private final BindingToken token = new BindingToken("token-of-the-box");
  private long chargedFen;

  DevicePurchasesTest() {
    ledger.open(accounts.houseAccounts()).join();
    subscribers.create(payer);
    ledger.open(accounts.open(payer)).join();
    topUp(800, "t-1");
    devices.register(Device.register(BOX, new Msisdn("8613800000001"), PASSWORD, T0));
    devices.register(Device.register(OTHER_BOX, new Msisdn("8613800000003"), PASSWORD, T0));
    devices.bind(binding(BOX, token, "sms-1"));
  }

  @AfterEach
  void stop() {
    ledger.close();
  }

  @Test
  void aPurchaseChargesThePayerOnceHoweverOftenItIsSent() {
    assertThat(buy("p-1", 300)).isEqualTo(charged("p-1", 300, false));
    chargedFen += 300;
    clock.advance(java.time.Duration.ofMinutes(1));
    assertThat(buy("p-1", 300)).isInstanceOf(Outcome.Charged.class);
    assertThat(((Outcome.Charged) buy("p-1", 300)).replayed()).isTrue();

    assertThat(buy("p-1", 400)).isInstanceOf(Outcome.IdReused.class);
    assertThat(money()).isEqualTo(500);
    assertThat(devices.charge(BOX, "p-1")).contains(PurchaseCharge.CHARGED);
    conserved();
  }

  @Test
  void aPayerShortOfMoneyIsDeclinedAndTheIdStaysDeclinedAfterATopUp() {
    assertThat(buy("p-1", 900)).isInstanceOf(Outcome.Declined.class);
    assertThat(money()).isEqualTo(800);
    assertThat(devices.charge(BOX, "p-1")).contains(PurchaseCharge.DECLINED);
    conserved();

    topUp(500, "t-2");
    assertThat(buy("p-1", 900)).isInstanceOf(Outcome.Declined.class);
    assertThat(buy("p-2", 900)).isInstanceOf(Outcome.Charged.class);
    chargedFen += 900;
    assertThat(money()).isEqualTo(400);
    conserved();
  }

  @Test
  void beyondTheCapNothingIsStoredButARetryOfAChargedPurchaseIsStillCharged() {
    topUp(2_000, "t-2");
    buy("p-1", 700);
    chargedFen += 700;

    assertThat(buy("p-2", 301)).isEqualTo(new Outcome.Refused(PurchaseVerdict.OVER_CAP));
    assertThat(devices.purchase(BOX, "p-2")).isEmpty();
    assertThat(buy("p-3", 300)).isInstanceOf(Outcome.Charged.class);
    chargedFen += 300;
    assertThat(((Outcome.Charged) buy("p-1", 700)).replayed()).isTrue();
    conserved();
  }

  @Test
  void aBarredPayerIsRefusedButARetryOfWhatItBoughtBeforeIsAnsweredCharged() {
    buy("p-1", 300);
    chargedFen += 300;
    bar();

    assertThat(buy("p-2", 100))
        .isEqualTo(new Outcome.Refused(PurchaseVerdict.PAYER_NOT_IN_SERVICE));
    assertThat(((Outcome.Charged) buy("p-1", 300)).replayed()).isTrue();
    assertThat(money()).isEqualTo(500);
    conserved();
  }

  @Test
  void anEndedBindingsTokenAndAnotherDevicesTokenChargeNothing() {
    buy("p-1", 100);
    chargedFen += 100;
    assertThat(purchases.buy(OTHER_BOX, token, new Order("p-9", "film", 100)))
        .isEqualTo(new Outcome.Refused(PurchaseVerdict.TOKEN_INVALID));
    assertThat(purchases.buy(BOX, new BindingToken("guessed"), new Order("p-9", "film", 100)))
        .isEqualTo(new Outcome.Refused(PurchaseVerdict.TOKEN_INVALID));

    Binding active = devices.activeBinding(BOX).orElseThrow();
    devices.unbind(active, active.unbind(clock.instant(), UnbindChannel.SMS));

    assertThat(buy("p-2", 100)).isEqualTo(new Outcome.Refused(PurchaseVerdict.NOT_BOUND));
    assertThat(buy("p-1", 100)).isEqualTo(new Outcome.Refused(PurchaseVerdict.NOT_BOUND));
    assertThat(money()).isEqualTo(700);
    conserved();
  }

  @Test
  void aPurchaseLeftPendingByACrashIsChargedByItsRetryOnce() {
    Binding binding = devices.activeBinding(BOX).orElseThrow();
    Purchase recorded = Purchase.through(binding, "p-1", "film", 300, T0);
    devices.record(recorded, new SpendCap(CAP, ZONE));
    assertThat(money()).isEqualTo(800);

    assertThat(buy("p-1", 300)).isInstanceOf(Outcome.Charged.class);
    assertThat(buy("p-1", 300)).isInstanceOf(Outcome.Charged.class);
    chargedFen += 300;
    assertThat(devices.charge(BOX, "p-1")).contains(PurchaseCharge.CHARGED);
    assertThat(money()).isEqualTo(500);
    conserved();
  }

  @Test
  void racingPurchasesNeverTogetherPassTheCapOrChargeTwice() throws Exception {
    topUp(10_000, "t-2");
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Outcome>> racers = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String id = "p-" + (i % 8); // every id sent twice at once
      racers.add(
          () -> {
            start.await();
            return purchases.buy(BOX, token, new Order(id, "film", 300));
          });
    }
    List<Outcome> outcomes = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (Callable<Outcome> racer : racers) {
        futures.add(threads.submit(racer));
      }
      start.countDown();
      for (Future<Outcome> future : futures) {
        outcomes.add(future.get());
      }
    }

    long distinctCharged =
        outcomes.stream()
            .filter(o -> o instanceof Outcome.Charged)
            .map(o -> ((Outcome.Charged) o).purchase().id())
            .distinct()
            .count();
    assertThat(distinctCharged).isEqualTo(3);
    chargedFen += 900;
    assertThat(money()).isEqualTo(10_800 - 900);
    conserved();
  }

  private Outcome buy(String id, long amountFen) {
    return purchases.buy(BOX, token, new Order(id, "film", amountFen));
  }

  private Outcome charged(String id, long amountFen, boolean replayed) {
    Binding binding = devices.activeBinding(BOX).orElseThrow();
    return new Outcome.Charged(
        Purchase.through(binding, id, "film", amountFen, clock.instant()), replayed);
  }

  /** Carrier billing holds exactly the charged purchases, and the payer paid exactly those. */
  private void conserved() {
    assertThat(balance(accounts.carrierBilling(payer))).isEqualTo(chargedFen);
    long toppedUp = -balance(accounts.paymentsClearing(payer));
    assertThat(money() + chargedFen).isEqualTo(toppedUp);
  }

  private long money() {
    return balance(payer.moneyAccount());
  }

  private long balance(AccountId id) {
    return ledger.account(id).join().map(Account::creditBalance).orElseThrow();
  }

  private void topUp(long fen, String id) {
    TransferRequest topUp =
        TransferRequest.posted(
            TransferIds.of("test-topup", id),
            accounts.paymentsClearing(payer),
            payer.moneyAccount(),
            fen,
            1);
    assertThat(ledger.submit(List.of(topUp)).join().getFirst())
        .isInstanceOf(TransferResult.Accepted.class);
  }

  private void bar() {
    Subscriber current = subscribers.find(PHONE).orElseThrow();
    StateChangeResult.Changed changed =
        (StateChangeResult.Changed) current.change(StateChangeReason.FEE_UNPAID, clock.instant());
    subscribers.update(new SubscriberUpdate(changed.subscriber(), List.of(changed.change())));
  }

  private static Binding binding(DeviceId deviceId, BindingToken token, String smsId) {
    Consent consent = new Consent(smsId, "BIND " + deviceId, PHONE, "1008601", T0);
    return Binding.activate(
        "binding:" + deviceId + ":" + smsId, deviceId, token.hash(), consent, T0);
  }

  private static Subscriber subscriber(Msisdn msisdn, long serial) {
    return Subscriber.subscribe(
        msisdn,
        new OperatorId("alpha"),
        new PlanId("standard"),
        PASSWORD,
        SubscriberAccounts.subscriberFamily(serial),
        T0.minusSeconds(86_400),
        new BillingCycles(ZONE));
  }
}
