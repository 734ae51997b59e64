package org.telco.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telco.device.DeviceFixtures.ALICE;
import static org.telco.device.DeviceFixtures.BOB;
import static org.telco.device.DeviceFixtures.T0;
import static org.telco.device.DeviceFixtures.TVBOX;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telco.device.DeviceStore.BindResult;
import org.telco.device.DeviceStore.Recording;
import org.telco.device.DeviceStore.Registration;
import org.telco.subscriber.Msisdn;

/**
 * The behaviour every {@link DeviceStore} shares; each implementation extends this suite. A
 * purchase is recorded only through a stored binding (the durable store's foreign keys insist), and
 * times have whole seconds, which every store keeps exactly.
 */
public abstract class DeviceStoreContract {
  private static final DeviceId OTHER_BOX = new DeviceId("TVBOX-0002");
  private static final SpendCap ROOMY = new SpendCap(1_000_000, ZoneOffset.UTC);
  private static final SpendCap TIGHT = new SpendCap(1_000, ZoneOffset.UTC);

  /** Seconds from T0 (10 March 04:30 UTC) to 1 April 00:00 UTC. */
  private static final long TO_APRIL = 21 * 86_400 + 70_200;

  private DeviceStore store;

  /** A fresh, empty store for one test. */
  protected abstract DeviceStore newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @Test
  void aDeviceIdIsRegisteredOnce() {
    Device box = device(TVBOX, 1);

    assertThat(store.register(box)).isEqualTo(Registration.REGISTERED);
    assertThat(store.register(device(TVBOX, 2))).isEqualTo(Registration.ID_TAKEN);
    assertThat(store.device(TVBOX)).contains(box);
    assertThat(store.device(OTHER_BOX)).isEmpty();
    assertThatThrownBy(() -> store.register(device(OTHER_BOX, 3).withBinding("b")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDeviceHasOneActiveBindingAtATime() {
    store.register(device(TVBOX, 1));
    Binding alices = binding("b1", TVBOX, ALICE, T0);

    assertThat(store.bind(alices)).isEqualTo(BindResult.BOUND);
    assertThat(store.bind(binding("b2", TVBOX, BOB, T0)))
        .isEqualTo(BindResult.DEVICE_ALREADY_BOUND);
    assertThat(store.bind(alices)).isEqualTo(BindResult.BINDING_TAKEN);
    assertThat(store.bind(binding("b3", OTHER_BOX, BOB, T0))).isEqualTo(BindResult.DEVICE_UNKNOWN);
    assertThat(store.device(TVBOX).orElseThrow().bindingId()).isEqualTo("b1");
    assertThat(store.activeBinding(TVBOX)).contains(alices);
    assertThat(store.binding("b1")).contains(alices);
    assertThat(store.binding("b2")).isEmpty();
    assertThat(store.bindingByToken(alices.tokenHash())).contains(alices);
    assertThat(store.bindingByToken(DeviceFixtures.tokenHash("nobody"))).isEmpty();
  }

  @Test
  void bindingsArePaidByTheirPayerNewestFirst() {
    store.register(device(TVBOX, 1));
    store.register(device(OTHER_BOX, 2));
    Binding first = binding("b1", TVBOX, ALICE, T0);
    store.bind(first);
    Binding ended = first.unbind(T0.plusSeconds(60), UnbindChannel.API);
    store.unbind(first, ended);
    Binding second = binding("b2", OTHER_BOX, ALICE, T0.plusSeconds(120));
    store.bind(second);
    store.bind(binding("b3", TVBOX, BOB, T0.plusSeconds(180)));

    assertThat(store.bindingsPaidBy(ALICE, 10)).containsExactly(second, ended);
    assertThat(store.bindingsPaidBy(ALICE, 1)).containsExactly(second);
  }

  @Test
  void aTokenHashNamesOneBindingEver() {
    store.register(device(TVBOX, 1));
    store.register(device(OTHER_BOX, 2));
    Binding first = binding("b1", TVBOX, ALICE, T0);
    store.bind(first);
    Binding sameToken =
        Binding.activate("b2", OTHER_BOX, first.tokenHash(), first.consent(), T0.plusSeconds(1));

    assertThat(store.bind(sameToken)).isEqualTo(BindResult.BINDING_TAKEN);
    assertThat(store.activeBinding(OTHER_BOX)).isEmpty();
    assertThatThrownBy(() -> store.bind(first.unbind(T0.plusSeconds(1), UnbindChannel.API)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnbindAppliesOnlyToTheBindingAsItWasReadAndFreesTheDevice() {
    store.register(device(TVBOX, 1));
    Binding active = binding("b1", TVBOX, ALICE, T0);
    store.bind(active);
    Binding bySms = active.unbind(T0.plusSeconds(60), UnbindChannel.SMS);
    Binding byApi = active.unbind(T0.plusSeconds(61), UnbindChannel.API);

    assertThat(store.unbind(active, bySms)).isTrue();
    assertThat(store.unbind(active, byApi)).isFalse();
    assertThat(store.binding("b1")).contains(bySms);
    assertThat(store.bindingByToken(active.tokenHash())).contains(bySms);
    assertThat(store.activeBinding(TVBOX)).isEmpty();
    assertThat(store.device(TVBOX).orElseThrow().isBound()).isFalse();

    Binding again = binding("b2", TVBOX, BOB, T0.plusSeconds(120));
    assertThat(store.bind(again)).isEqualTo(BindResult.BOUND);
    assertThat(store.device(TVBOX).orElseThrow().bindingId()).isEqualTo("b2");
  }

  @Test
  void aReissueSwapsTheTokenOfTheBindingAsItWasReadOnce() {
    store.register(device(TVBOX, 1));
    Binding active = binding("b1", TVBOX, ALICE, T0);
    store.bind(active);
    Binding fresh = active.withToken(DeviceFixtures.tokenHash("fresh"));
    Binding rival = active.withToken(DeviceFixtures.tokenHash("rival"));

    assertThat(store.reissue(active, fresh)).isTrue();
    assertThat(store.reissue(active, rival)).isFalse();
    assertThat(store.bindingByToken(active.tokenHash())).isEmpty();
    assertThat(store.bindingByToken(fresh.tokenHash())).contains(fresh);
    assertThat(store.activeBinding(TVBOX)).contains(fresh);
    assertThat(store.unbind(active, active.unbind(T0.plusSeconds(1), UnbindChannel.SMS))).isFalse();
    assertThatThrownBy(() -> store.reissue(fresh, fresh.unbind(T0, UnbindChannel.API)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void racingBindsForOneDeviceStoreExactlyOne() throws Exception {
    store.register(device(TVBOX, 1));
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<BindResult>> racers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Binding binding = binding("b" + i, TVBOX, i % 2 == 0 ? ALICE : BOB, T0);
      racers.add(
          () -> {
            start.await();
            return store.bind(binding);
          });
    }
    List<BindResult> results = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
      List<Future<BindResult>> futures = new ArrayList<>();
      for (Callable<BindResult> racer : racers) {
        futures.add(threads.submit(racer));
      }
      start.countDown();
      for (Future<BindResult> future : futures) {
        results.add(future.get());
      }
    }

    assertThat(results).filteredOn(r -> r == BindResult.BOUND).hasSize(1);
    assertThat(results).filteredOn(r -> r == BindResult.DEVICE_ALREADY_BOUND).hasSize(7);
    assertThat(store.activeBinding(TVBOX)).isPresent();
  }

  @Test
  void aPurchaseIdIsChargedOncePerDevice() {
    bound(TVBOX, 1);
    bound(OTHER_BOX, 2);
    Purchase purchase = purchase(TVBOX, "p-1", 500, 0);

    assertThat(store.record(purchase, ROOMY)).isEqualTo(Recording.RECORDED);
    assertThat(store.record(purchase, ROOMY)).isEqualTo(Recording.REPLAYED);
    assertThat(store.record(purchase(TVBOX, "p-1", 600, 0), ROOMY)).isEqualTo(Recording.CONFLICT);
    assertThat(store.record(purchase(OTHER_BOX, "p-1", 600, 0), ROOMY))
        .isEqualTo(Recording.RECORDED);
    assertThat(store.purchase(TVBOX, "p-1")).contains(purchase);
    assertThat(store.purchase(TVBOX, "p-2")).isEmpty();
    assertThat(store.spentFen(TVBOX, T0, T0.plusSeconds(86_400))).isEqualTo(500);
  }

  @Test
  void aPurchaseBeyondTheMonthsCapIsNotStoredButARetryOfAStoredOneReplays() {
    bound(TVBOX, 1);
    Purchase first = purchase(TVBOX, "p-1", 600, 0);

    assertThat(store.record(first, TIGHT)).isEqualTo(Recording.RECORDED);
    assertThat(store.record(purchase(TVBOX, "p-2", 500, 1), TIGHT)).isEqualTo(Recording.OVER_CAP);
    assertThat(store.purchase(TVBOX, "p-2")).isEmpty();
    assertThat(store.record(purchase(TVBOX, "p-3", 400, 2), TIGHT)).isEqualTo(Recording.RECORDED);
    assertThat(store.record(first, TIGHT)).isEqualTo(Recording.REPLAYED);
    assertThat(store.record(purchase(TVBOX, "p-4", 1, TO_APRIL - 1), TIGHT))
        .isEqualTo(Recording.OVER_CAP);
    assertThat(store.record(purchase(TVBOX, "p-5", 1_000, TO_APRIL), TIGHT))
        .isEqualTo(Recording.RECORDED);
  }

  @Test
  void aRetrySentLaterIsTheSamePurchaseAndChangesNothing() {
    bound(TVBOX, 1);
    Purchase purchase = purchase(TVBOX, "p-1", 500, 0);
    store.record(purchase, ROOMY);

    assertThat(store.record(purchase(TVBOX, "p-1", 500, 90), ROOMY)).isEqualTo(Recording.REPLAYED);
    assertThat(store.purchase(TVBOX, "p-1")).contains(purchase);
    assertThat(store.spentFen(TVBOX, T0, T0.plusSeconds(3_600))).isEqualTo(500);
  }

  @Test
  void aPurchaseIsRecordedPendingAndSettledOnce() {
    bound(TVBOX, 1);
    store.record(purchase(TVBOX, "p-1", 500, 0), ROOMY);

    assertThat(store.charge(TVBOX, "p-1")).contains(PurchaseCharge.PENDING);
    assertThat(store.settle(TVBOX, "p-1", PurchaseCharge.CHARGED)).isTrue();
    assertThat(store.settle(TVBOX, "p-1", PurchaseCharge.DECLINED)).isFalse();
    assertThat(store.settle(TVBOX, "p-1", PurchaseCharge.CHARGED)).isFalse();
    assertThat(store.charge(TVBOX, "p-1")).contains(PurchaseCharge.CHARGED);
    assertThat(store.charge(TVBOX, "p-2")).isEmpty();
    assertThat(store.settle(TVBOX, "p-2", PurchaseCharge.CHARGED)).isFalse();
    assertThatThrownBy(() -> store.settle(TVBOX, "p-1", PurchaseCharge.PENDING))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDeclinedPurchaseFreesItsPlaceUnderTheCapButKeepsItsId() {
    bound(TVBOX, 1);
    Purchase declined = purchase(TVBOX, "p-1", 800, 0);
    store.record(declined, TIGHT);
    assertThat(store.record(purchase(TVBOX, "p-2", 800, 1), TIGHT)).isEqualTo(Recording.OVER_CAP);

    store.settle(TVBOX, "p-1", PurchaseCharge.DECLINED);

    assertThat(store.spentFen(TVBOX, T0, T0.plusSeconds(60))).isZero();
    assertThat(store.record(purchase(TVBOX, "p-2", 800, 2), TIGHT)).isEqualTo(Recording.RECORDED);
    assertThat(store.record(declined, TIGHT)).isEqualTo(Recording.REPLAYED);
    assertThat(store.charge(TVBOX, "p-1")).contains(PurchaseCharge.DECLINED);
    assertThat(store.spentFen(TVBOX, T0, T0.plusSeconds(60))).isEqualTo(800);
  }

  @Test
  void racingPurchasesOfOneDeviceNeverTogetherPassTheCap() throws Exception {
    bound(TVBOX, 1);
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Recording>> racers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Purchase purchase = purchase(TVBOX, "p-" + i, 300, i);
      racers.add(
          () -> {
            start.await();
            return store.record(purchase, TIGHT);
          });
    }
    List<Recording> results = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
      List<Future<Recording>> futures = new ArrayList<>();
      for (Callable<Recording> racer : racers) {
        futures.add(threads.submit(racer));
      }
      start.countDown();
      for (Future<Recording> future : futures) {
        results.add(future.get());
      }
    }

    assertThat(results).filteredOn(r -> r == Recording.RECORDED).hasSize(3);
    assertThat(results).filteredOn(r -> r == Recording.OVER_CAP).hasSize(5);
    assertThat(store.spentFen(TVBOX, T0, T0.plusSeconds(60))).isEqualTo(900);
  }

  @Test
  void spendingSumsTheDevicesPurchasesFromInclusiveToExclusive() {
    bound(TVBOX, 1);
    bound(OTHER_BOX, 2);
    store.record(purchase(TVBOX, "before", 1, -1), ROOMY);
    store.record(purchase(TVBOX, "first", 10, 0), ROOMY);
    store.record(purchase(TVBOX, "middle", 100, 30), ROOMY);
    store.record(purchase(TVBOX, "end", 1_000, 60), ROOMY);
    store.record(purchase(OTHER_BOX, "other", 10_000, 30), ROOMY);

    assertThat(store.spentFen(TVBOX, T0, T0.plusSeconds(60))).isEqualTo(110);
    assertThat(store.spentFen(TVBOX, T0.minusSeconds(1), T0.plusSeconds(61))).isEqualTo(1_111);
    assertThat(store.spentFen(new DeviceId("NOBODY"), T0, T0.plusSeconds(60))).isZero();
  }

  @Test
  void attemptsAreCountedPerPhoneSinceAnInstant() {
    store.recordAttempt(attempt(ALICE, -3_600, BindAttempt.Outcome.BOUND, null));
    store.recordAttempt(attempt(ALICE, -60, BindAttempt.Outcome.ALREADY_BOUND, null));
    store.recordAttempt(
        attempt(ALICE, 0, BindAttempt.Outcome.REFUSED, BindingRefusal.DEVICE_UNKNOWN));
    store.recordAttempt(
        attempt(BOB, 0, BindAttempt.Outcome.REFUSED, BindingRefusal.BOUND_TO_ANOTHER_NUMBER));

    assertThat(store.attemptsSince(ALICE, T0.minusSeconds(3_600))).isEqualTo(3);
    assertThat(store.attemptsSince(ALICE, T0.minusSeconds(3_599))).isEqualTo(2);
    assertThat(store.attemptsSince(BOB, T0.minusSeconds(3_600))).isEqualTo(1);
    assertThat(store.attemptsSince(new Msisdn("8613800000009"), T0)).isZero();
  }

  /** Registers the device and binds it to Alice: a purchase is recorded through a binding. */
  private void bound(DeviceId deviceId, int serial) {
    store.register(device(deviceId, serial));
    store.bind(bindingOf(deviceId));
  }

  private static Binding bindingOf(DeviceId deviceId) {
    return binding("b-" + deviceId, deviceId, ALICE, T0.minusSeconds(600));
  }

  private static Purchase purchase(DeviceId deviceId, String id, long amountFen, long second) {
    Binding binding = bindingOf(deviceId);
    return Purchase.through(binding, id, "movie", amountFen, T0.plusSeconds(second));
  }

  private static BindAttempt attempt(
      Msisdn phone, long second, BindAttempt.Outcome outcome, BindingRefusal refusal) {
    return new BindAttempt(
        phone, TVBOX, "sms-" + phone + second, T0.plusSeconds(second), outcome, refusal);
  }
}
