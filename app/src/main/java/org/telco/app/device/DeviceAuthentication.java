package org.telco.app.device;

import io.helidon.http.HeaderNames;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.telco.device.Device;
import org.telco.device.DeviceCredentials;
import org.telco.device.DeviceId;
import org.telco.device.DeviceStore;
import org.telco.subscriber.ServicePassword;
import org.telco.web.Call;
import org.telco.web.Problem;
import org.telco.web.ProblemException;

/**
 * Checks a device's own credential, {@code Authorization: Device <deviceId>:<secret>}, on the
 * routes a device calls. Those routes are {@link org.telco.web.Access#PUBLIC} to {@code Endpoints}:
 * a device holds no API key, and giving it one would let it call everything a partner may.
 */
final class DeviceAuthentication {
  /** The scheme of the device's {@code Authorization} header. */
  static final String SCHEME = "Device ";

  private final DeviceStore devices;

  /**
   * A credential no secret matches, checked when the device is unknown so that an unknown device
   * costs the same work as a wrong secret and the answer cannot tell them apart.
   */
  private final ServicePassword nobody;

  DeviceAuthentication(DeviceStore devices, RandomGenerator random) {
    this.devices = devices;
    this.nobody = DeviceCredentials.hash(DeviceCredentials.newSecret(random), random);
  }

  /**
   * The device named by the path, if the header names the same device and carries its secret.
   *
   * @throws ProblemException 401, the same whether the device is unknown or the secret wrong
   */
  Device authenticated(Call call) {
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
}
