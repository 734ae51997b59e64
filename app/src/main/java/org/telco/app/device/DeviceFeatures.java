package org.telco.app.device;

import io.helidon.webserver.http.HttpRouting;
import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import org.telco.device.DeviceStore;
import org.telco.storage.device.PgDeviceStore;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.SubscriberStore;
import org.telco.web.Endpoints;

/**
 * The operator's device registry (flow F3, docs/devices.md): the PostgreSQL device store and the
 * routes over it. Apart from {@code OperatorFeatures} so the device wiring grows here (the BIND
 * keyword service, purchases) without growing the operator's wiring.
 */
public final class DeviceFeatures {
  private final DeviceRoutes routes;

  /** The registry over the operator's database, its subscribers and its binding short code. */
  public DeviceFeatures(
      OperatorProfile profile, DataSource dataSource, SubscriberStore subscribers, Clock clock) {
    DeviceStore devices = new PgDeviceStore(dataSource);
    this.routes =
        new DeviceRoutes(
            devices, subscribers, bindingShortCode(profile), clock, new SecureRandom());
  }

  /**
   * The short code a phone texts {@code BIND <device id>} to: the operator's second short code when
   * it has one (operators.json lists the service short code first, then the binding one), else its
   * service short code, so an operator with a single code still gets a prompt that works.
   */
  static String bindingShortCode(OperatorProfile profile) {
    return profile.shortCodes().size() > 1
        ? profile.shortCodes().get(1)
        : profile.serviceShortCode();
  }

  /** Registers the device routes under {@code /api/v1}. */
  public void register(HttpRouting.Builder routing, Endpoints endpoints) {
    routing.register("/api/v1", routes.service(endpoints));
  }
}
