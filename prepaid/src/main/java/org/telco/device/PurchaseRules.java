package org.telco.device;

import java.util.Objects;
import java.util.Optional;
import org.telco.subscriber.Subscriber;

/**
 * Whether a device may charge a purchase to its payer: its token must name an active binding of
 * that device, the payer's line must be open ({@link
 * org.telco.subscriber.SubscriberState#isOpen()}, so a barred or suspended payer is refused), and
 * the month's spending with this purchase must stay within the {@link SpendCap}. The first failing
 * check gives the verdict.
 *
 * <p>The cap is checked against what the store had recorded when it was read; two purchases of one
 * device racing could both pass it here. {@link DeviceStore#record} checks the cap again as it
 * stores, one purchase of a device at a time, and has the last word.
 *
 * @param cap the per-device monthly cap
 */
public record PurchaseRules(SpendCap cap) {
  /** Requires the cap. */
  public PurchaseRules {
    Objects.requireNonNull(cap, "cap");
  }

  /**
   * Judges a purchase of {@code amountFen} on {@code deviceId}.
   *
   * @param byToken the binding the presented token's hash names, if any
   * @param payer the binding's payer's subscription; empty when it is no longer a subscriber
   * @param spentFen what the device already spent in the purchase's month ({@link #cap()})
   */
  public PurchaseVerdict check(
      DeviceId deviceId,
      Optional<Binding> byToken,
      Optional<Subscriber> payer,
      long spentFen,
      long amountFen) {
    if (amountFen <= 0 || spentFen < 0) {
      throw new IllegalArgumentException("amounts: spent " + spentFen + ", now " + amountFen);
    }
    if (byToken.isEmpty() || !byToken.get().deviceId().equals(deviceId)) {
      return PurchaseVerdict.TOKEN_INVALID;
    }
    if (!byToken.get().isActive()) {
      return PurchaseVerdict.NOT_BOUND;
    }
    if (payer.isPresent() && !payer.get().msisdn().equals(byToken.get().payer())) {
      throw new IllegalArgumentException(payer.get().msisdn() + " does not pay " + deviceId);
    }
    if (payer.isEmpty() || !payer.get().state().isOpen()) {
      return PurchaseVerdict.PAYER_NOT_IN_SERVICE;
    }
    if (Math.addExact(spentFen, amountFen) > cap.monthlyFen()) {
      return PurchaseVerdict.OVER_CAP;
    }
    return PurchaseVerdict.ALLOWED;
  }
}
