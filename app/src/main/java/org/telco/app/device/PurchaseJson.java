package org.telco.app.device;

import org.telco.device.Purchase;
import org.telco.device.PurchaseCharge;

/**
 * A charged purchase as the device sees it: never the paying number.
 *
 * @param id the device's id for it
 * @param deviceId the device
 * @param item what was bought
 * @param amountFen the price
 * @param at when it was first asked for
 * @param charge {@link PurchaseCharge#CHARGED}: only charged purchases are answered with a body
 * @param monthSpentFen what the device has spent this month, this purchase included
 * @param monthCapFen the device's monthly cap
 */
record PurchaseJson(
    String id,
    String deviceId,
    String item,
    long amountFen,
    String at,
    String charge,
    long monthSpentFen,
    long monthCapFen) {
  static PurchaseJson charged(Purchase purchase, long monthSpentFen, long monthCapFen) {
    return new PurchaseJson(
        purchase.id(),
        purchase.deviceId().value(),
        purchase.item(),
        purchase.amountFen(),
        purchase.at().toString(),
        PurchaseCharge.CHARGED.name(),
        monthSpentFen,
        monthCapFen);
  }
}
