package org.telco.app.device;

import io.helidon.webserver.http.HttpService;
import java.time.Clock;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.telco.device.Binding;
import org.telco.device.Device;
import org.telco.device.DeviceCredentials;
import org.telco.device.DeviceId;
import org.telco.device.DeviceStore;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.SubscriberStore;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.Problem;
import org.telco.web.Reply;

/**
 * The device registry over HTTP: the operator registers a device it sold (admin), and the device
 * asks, with its own secret, whether number-bound payment is active and if not what to show.
 *
 * <p>The binding query is a {@link Access#PUBLIC} endpoint that checks the device credential itself
 * ({@code Authorization: Device <deviceId>:<secret>}): a device holds no API key, and checking here
 * keeps {@link Endpoints} and every other route's access as they are.
 */
final class DeviceRoutes {
  private final DeviceStore devices;
  private final SubscriberStore subscribers;
  private final String shortCode;
  private final Clock clock;
  private final RandomGenerator random;
  private final DeviceAuthentication authentication;
  private final BindingService binding;

  DeviceRoutes(
      DeviceStore devices,
      SubscriberStore subscribers,
      String shortCode,
      Clock clock,
      RandomGenerator random,
      DeviceAuthentication authentication,
      BindingService binding) {
    this.devices = devices;
    this.binding = binding;
    this.subscribers = subscribers;
    this.shortCode = shortCode;
    this.clock = clock;
    this.random = random;
    this.authentication = authentication;
  }

  HttpService service(Endpoints endpoints) {
    return rules ->
        rules
            .post("/devices", endpoints.handler(Access.ADMIN, this::registerDevice))
            .get("/devices/{deviceId}", endpoints.handler(Access.ADMIN, this::read))
            .get("/devices/{deviceId}/binding", endpoints.handler(Access.PUBLIC, this::binding))
            .delete("/devices/{deviceId}/binding", endpoints.handler(Access.ADMIN, this::unbind));
  }

  private Reply registerDevice(Call call) {
    RegisterDeviceJson request = call.body(RegisterDeviceJson.class);
    DeviceId id = deviceId(request.deviceId());
    Msisdn dataSim = dataSim(request.dataSim());
    if (subscribers.find(dataSim).isEmpty()) {
      throw new Problem(
              422,
              "data-sim-not-subscriber",
              "The data SIM is not a subscriber here",
              "no subscriber " + dataSim.digits() + " at this operator",
              "dataSim")
          .toException();
    }
    char[] secret = DeviceCredentials.newSecret(random);
    Device device =
        Device.register(id, dataSim, DeviceCredentials.hash(secret, random), clock.instant());
    return switch (devices.register(device)) {
      case REGISTERED ->
          Reply.created(new RegisteredDeviceJson(id.value(), dataSim.digits(), new String(secret)));
      case ID_TAKEN ->
          throw new Problem(
                  409,
                  "device-id-taken",
                  "Device id taken",
                  "a device " + id + " exists",
                  "deviceId")
              .toException();
    };
  }

  private Reply read(Call call) {
    Device device = known(call);
    return Reply.ok(DeviceJson.of(device, devices.activeBinding(device.id())));
  }

  /** Customer care ends the binding (the payer asked by phone, or a device was stolen). */
  private Reply unbind(Call call) {
    Device device = known(call);
    Binding ended =
        binding
            .unbindByStaff(device)
            .orElseThrow(
                () ->
                    new Problem(
                            404,
                            "not-bound",
                            "Device not bound",
                            device.id() + " has no active binding",
                            null)
                        .toException());
    return Reply.ok(BindingJson.of(ended));
  }

  /** The device the path names, for staff: 404 when there is none. */
  private Device known(Call call) {
    String raw = call.pathParameter("deviceId");
    return DeviceId.parse(raw)
        .flatMap(devices::device)
        .orElseThrow(
            () ->
                new Problem(404, "device-unknown", "No such device", "no device " + raw, null)
                    .toException());
  }

  private Reply binding(Call call) {
    Device device = authentication.authenticated(call);
    Optional<Binding> binding = devices.activeBinding(device.id());
    return Reply.ok(BindingStatusJson.of(device.id(), binding, shortCode));
  }

  private static DeviceId deviceId(String raw) {
    if (raw == null) {
      throw Problem.invalidField("deviceId", "deviceId is required").toException();
    }
    return DeviceId.parse(raw)
        .orElseThrow(
            () ->
                Problem.invalidField(
                        "deviceId",
                        "deviceId must be 4-32 of A-Z, a-z, 0-9 and -, not starting with -")
                    .toException());
  }

  private static Msisdn dataSim(String raw) {
    if (raw == null) {
      throw Problem.invalidField("dataSim", "dataSim is required").toException();
    }
    if (!Msisdn.isWellFormed(raw)) {
      throw Problem.invalidField(
              "dataSim",
              "dataSim must be "
                  + Msisdn.LENGTH_MIN
                  + "-"
                  + Msisdn.LENGTH_MAX
                  + " digits in international form, without +")
          .toException();
    }
    return new Msisdn(raw);
  }
}
