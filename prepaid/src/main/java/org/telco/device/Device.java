package org.telco.device;

import java.time.Instant;
import java.util.Objects;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.ServicePassword;

/**
 * A device the operator sold or registered: an input-less terminal (a TV box) with a data SIM. Its
 * data SIM's number is where the activation SMS goes; it is not the paying number, which the device
 * never learns.
 *
 * @param id the device id
 * @param dataSim the number of its data SIM
 * @param credential what the operator keeps of its secret ({@link DeviceCredentials})
 * @param registeredAt when it was registered
 * @param bindingId the id of its ACTIVE binding; null when it is not bound. A store fills it from
 *     its bindings; a device to register has none
 */
public record Device(
    DeviceId id,
    Msisdn dataSim,
    ServicePassword credential,
    Instant registeredAt,
    String bindingId) {
  /** Requires every field but the binding id. */
  public Device {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(dataSim, "dataSim");
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(registeredAt, "registeredAt");
  }

  /** A device to register: not bound. */
  public static Device register(
      DeviceId id, Msisdn dataSim, ServicePassword credential, Instant registeredAt) {
    return new Device(id, dataSim, credential, registeredAt, null);
  }

  /** Whether it has an ACTIVE binding. */
  public boolean isBound() {
    return bindingId != null;
  }

  /** The same device with {@code bindingId} as its binding (null: none). */
  public Device withBinding(String bindingId) {
    return new Device(id, dataSim, credential, registeredAt, bindingId);
  }

  /** Whether {@code secret} is this device's secret, compared in constant time. */
  public boolean authenticates(char[] secret) {
    return credential.matches(secret);
  }
}
