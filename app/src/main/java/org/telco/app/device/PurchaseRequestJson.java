package org.telco.app.device;

/**
 * {@code POST /api/v1/devices/{deviceId}/purchases}: what the device buys.
 *
 * @param id the device's idempotency key for it
 * @param item what is bought, as the device names it
 * @param amountFen the price
 */
record PurchaseRequestJson(String id, String item, Long amountFen) {}
