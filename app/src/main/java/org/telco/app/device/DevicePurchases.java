package org.telco.app.device;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.telco.device.Binding;
import org.telco.device.BindingToken;
import org.telco.device.DeviceId;
import org.telco.device.DeviceStore;
import org.telco.device.Purchase;
import org.telco.device.PurchaseCharge;
import org.telco.device.PurchaseRules;
import org.telco.device.PurchaseTransfers;
import org.telco.device.PurchaseVerdict;
import org.telco.device.SpendCap;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.TransferRejection;
import org.telco.ledger.TransferResult;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberStore;

/**
 * Carrier billing (flow F3): a bound device buys, and its paying number is charged through the
 * ledger. The device presents its binding token, never the number; the token's binding names the
 * payer.
 *
 * <p>The order makes a purchase safe to retry and the cap safe to race: judge ({@link
 * PurchaseRules}), record it PENDING ({@link DeviceStore#record}, which checks the cap again under
 * the device's lock), charge it under the transfer id {@code purchase:<device>:<id>}, and settle it
 * as CHARGED or DECLINED. A node that stops between recording and settling leaves it PENDING, and
 * the device's retry charges it then: the ledger moves the money of one transfer id once.
 *
 * <p>A retry is answered as the first attempt ended, once the token shows it comes from the bound
 * device: a purchase charged before the payer was barred, or before the month filled up, is still
 * charged, not refused, so the device never thinks a paid purchase failed.
 */
final class DevicePurchases {
  private final DeviceStore devices;
  private final SubscriberStore subscribers;
  private final PurchaseRules rules;
  private final PurchaseTransfers transfers;
  private final ShardedLedger ledger;
  private final Clock clock;

  DevicePurchases(
      DeviceStore devices,
      SubscriberStore subscribers,
      PurchaseRules rules,
      PurchaseTransfers transfers,
      ShardedLedger ledger,
      Clock clock) {
    this.devices = devices;
    this.subscribers = subscribers;
    this.rules = rules;
    this.transfers = transfers;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** What came of a purchase. */
  sealed interface Outcome {
    /**
     * The payer paid.
     *
     * @param replayed whether an earlier request with this id paid, and this one moved nothing
     */
    record Charged(Purchase purchase, boolean replayed) implements Outcome {}

    /** The ledger refused the charge: the payer's money was short. Nothing was paid. */
    record Declined(Purchase purchase) implements Outcome {}

    /** The rules refused it; nothing was stored. */
    record Refused(PurchaseVerdict verdict) implements Outcome {}

    /** The device used this id for another purchase; nothing was charged. */
    record IdReused(Purchase stored) implements Outcome {}
  }

  /** What the device asks to buy. */
  record Order(String id, String item, long amountFen) {}

  /** The month's cap the purchases are judged against. */
  SpendCap cap() {
    return rules.cap();
  }

  /** Buys {@code order} on {@code deviceId} with {@code token}. */
  Outcome buy(DeviceId deviceId, BindingToken token, Order order) {
    Optional<Binding> byToken = devices.bindingByToken(token.hash());
    Optional<Binding> usable = byToken.filter(b -> b.isActive() && b.deviceId().equals(deviceId));
    if (usable.isPresent()) {
      Optional<Purchase> stored = devices.purchase(deviceId, order.id());
      if (stored.isPresent()) {
        return retry(stored.get(), request(usable.get(), order));
      }
    }
    Optional<Subscriber> payer = byToken.flatMap(b -> subscribers.find(b.payer()));
    long spent = byToken.isPresent() ? spentThisMonth(deviceId) : 0;
    PurchaseVerdict verdict = rules.check(deviceId, byToken, payer, spent, order.amountFen());
    if (verdict != PurchaseVerdict.ALLOWED) {
      return new Outcome.Refused(verdict);
    }
    Purchase purchase = request(byToken.orElseThrow(), order);
    return switch (devices.record(purchase, rules.cap())) {
      case RECORDED -> charge(payer.orElseThrow(), purchase);
      case REPLAYED -> retry(devices.purchase(deviceId, order.id()).orElseThrow(), purchase);
      case CONFLICT -> new Outcome.IdReused(devices.purchase(deviceId, order.id()).orElseThrow());
      case OVER_CAP -> new Outcome.Refused(PurchaseVerdict.OVER_CAP);
    };
  }

  private Purchase request(Binding binding, Order order) {
    return Purchase.through(binding, order.id(), order.item(), order.amountFen(), clock.instant());
  }

  private long spentThisMonth(DeviceId deviceId) {
    SpendCap cap = rules.cap();
    YearMonth month = cap.monthOf(clock.instant());
    return devices.spentFen(deviceId, cap.start(month), cap.end(month));
  }

  /**
   * A purchase the device recorded before under this id: the same request is answered as it ended
   * (a PENDING one is charged now), another is an id reused.
   */
  private Outcome retry(Purchase stored, Purchase request) {
    if (!stored.sameRequestAs(request)) {
      return new Outcome.IdReused(stored);
    }
    PurchaseCharge charge = devices.charge(stored.deviceId(), stored.id()).orElseThrow();
    return switch (charge) {
      case CHARGED -> new Outcome.Charged(stored, true);
      case DECLINED -> new Outcome.Declined(stored);
      case PENDING ->
          subscribers
              .find(stored.payer())
              .map(payer -> charge(payer, stored))
              .orElseGet(() -> decline(stored));
    };
  }

  /** Moves the money and settles the purchase by the ledger's answer. */
  private Outcome charge(Subscriber payer, Purchase purchase) {
    TransferResult result =
        ledger.submit(List.of(transfers.charge(payer, purchase))).join().getFirst();
    return switch (result) {
      case TransferResult.Accepted accepted -> {
        devices.settle(purchase.deviceId(), purchase.id(), PurchaseCharge.CHARGED);
        yield new Outcome.Charged(purchase, accepted.replayed());
      }
      case TransferResult.Rejected rejected
          when rejected.reason() == TransferRejection.EXCEEDS_CREDITS ->
          decline(purchase);
      case TransferResult.Rejected rejected ->
          throw new IllegalStateException(
              "the ledger refused " + purchase.transferId() + ": " + rejected.reason());
    };
  }

  /**
   * Settles it DECLINED, unless a rival request charged it first: the money moved then, and that is
   * the answer.
   */
  private Outcome decline(Purchase purchase) {
    if (devices.settle(purchase.deviceId(), purchase.id(), PurchaseCharge.DECLINED)) {
      return new Outcome.Declined(purchase);
    }
    PurchaseCharge settled = devices.charge(purchase.deviceId(), purchase.id()).orElseThrow();
    return settled == PurchaseCharge.CHARGED
        ? new Outcome.Charged(purchase, true)
        : new Outcome.Declined(purchase);
  }
}
