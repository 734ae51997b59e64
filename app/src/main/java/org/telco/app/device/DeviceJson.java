package org.telco.app.device;

import org.telco.device.Binding;
import org.telco.device.Device;

/**
 * {@code GET /api/v1/devices/{deviceId}} (admin or care): the device as registered and its active
 * binding. Never its secret, which the operator does not keep.
 *
 * @param deviceId the device
 * @param dataSim its data SIM's number
 * @param registeredAt when it was registered
 * @param binding its active binding; null when not bound
 */
record DeviceJson(String deviceId, String dataSim, String registeredAt, BindingJson binding) {
  static DeviceJson of(Device device, java.util.Optional<Binding> active) {
    return new DeviceJson(
        device.id().value(),
        device.dataSim().digits(),
        device.registeredAt().toString(),
        active.map(BindingJson::of).orElse(null));
  }
}
