package org.telco.app.device;

import io.helidon.http.HeaderNames;
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
import org.telco.subscriber.ServicePassword;
import org.telco.subscriber.SubscriberStore;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.Problem;
import org.telco.web.ProblemException;
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
  /** The scheme of the device's {@code Authorization} header. */
  static final String SCHEME = "Device ";

  private final DeviceStore devices;
  private final SubscriberStore subscribers;
  private final String shortCode;
  private final Clock clock;
  private final RandomGenerator random;

  /**
   * A credential no secret matches, checked when the device is unknown so that an unknown device
   * costs the same work as a wrong secret and the answer cannot tell them apart.
   */
  private final ServicePassword nobody;

  DeviceRoutes(
      DeviceStore devices,
      SubscriberStore subscribers,
      String shortCode,
      Clock clock,
      RandomGenerator random) {
    this.devices = devices;
    this.subscribers = subscribers;
    this.shortCode = shortCode;
    this.clock = clock;
    this.random = random;
    this.nobody = DeviceCredentials.hash(DeviceCredentials.newSecret(random), random);
  }

  HttpService service(Endpoints endpoints) {
    return rules ->
        rules
            .post("/devices", endpoints.handler(Access.ADMIN, this::registerDevice))
            .get("/devices/{deviceId}/binding", endpoints.handler(Access.PUBLIC, this::binding));
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

  private Reply binding(Call call) {
    Device device = authenticated(call);
    Optional<Binding> binding = devices.activeBinding(device.id());
    return Reply.ok(BindingStatusJson.of(device.id(), binding, shortCode));
  }

  /**
   * The device named by the path, if the header names the same device and carries its secret.
   *
   * @throws ProblemException 401, the same whether the device is unknown or the secret wrong
   */
  private Device authenticated(Call call) {
    Optional<DeviceId> path = DeviceId.parse(call.pathParameter("deviceId"));
    Optional<String> header = call.request().headers().first(HeaderNames.AUTHORIZATION);
    if (path.isEmpty() || header.isEmpty() || !header.get().startsWith(SCHEME)) {
      throw unauthenticated();
    }
    String credentials = header.get().substring(SCHEME.length());
    int colon = credentials.indexOf(':');
    Optional<DeviceId> named =
        colon < 0 ? Optional.empty() : DeviceId.parse(credentials.substring(0, colon));
    if (named.isEmpty() || !named.get().equals(path.get())) {
      throw unauthenticated();
    }
    char[] secret = credentials.substring(colon + 1).toCharArray();
    Optional<Device> device = devices.device(path.get());
    if (device.isEmpty()) {
      nobody.matches(secret); // the same work as a wrong secret; the answer is 401 either way
      throw unauthenticated();
    }
    if (!device.get().authenticates(secret)) {
      throw unauthenticated();
    }
    return device.get();
  }

  private static ProblemException unauthenticated() {
    return new Problem(
            401,
            "unauthenticated",
            "Authentication required",
            "send Authorization: " + SCHEME + "<device id>:<device secret>",
            null)
        .toException();
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
