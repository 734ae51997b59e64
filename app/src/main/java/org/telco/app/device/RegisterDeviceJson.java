package org.telco.app.device;

/**
 * {@code POST /api/v1/devices}: a device the operator sold.
 *
 * @param deviceId its id as printed on the box, in any case
 * @param dataSim the number of its data SIM, a subscriber of this operator
 */
record RegisterDeviceJson(String deviceId, String dataSim) {}
