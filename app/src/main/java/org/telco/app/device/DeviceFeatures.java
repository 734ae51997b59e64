package org.telco.app.device;

import io.helidon.webserver.http.HttpRouting;
import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import org.telco.device.DeviceStore;
import org.telco.device.PurchaseRules;
import org.telco.device.PurchaseTransfers;
import org.telco.engine.ShardedLedger;
import org.telco.sms.KeywordServices;
import org.telco.sms.ShortCodes;
import org.telco.sms.SmsCentre;
import org.telco.storage.device.PgDeviceStore;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.SubscriberStore;
import org.telco.web.Endpoints;

/**
 * The operator's device registry (flow F3, docs/devices.md): the PostgreSQL device store and the
 * routes over it. Apart from {@code OperatorFeatures} so the device wiring grows here (the BIND
 * keyword service, purchases) without growing the operator's wiring.
 *
 * <p>{@code BIND} and {@code UNBIND} reach {@link BindingService} by the binding short code of
 * their own; an operator with a single short code gets them as keywords of its service short code
 * instead, beside {@code YE}, since a code can lead to one service only.
 */
public final class DeviceFeatures {
  private final DeviceStore devices;
  private final DeviceRoutes routes;
  private final PurchaseRoutes purchases;

  /**
   * The registry over the operator's database and its subscribers, with the binding service on its
   * binding short code.
   *
   * @param centre the SMS centre: where the binding short code is registered, and what sends the
   *     notices to the devices' data SIMs
   * @param shortCodes the operator's short-code registry
   * @param serviceKeywords the keywords of the service short code
   * @param billing the ledger and the accounts purchases are charged through
   * @param settings the monthly cap
   */
  public DeviceFeatures(
      OperatorProfile profile,
      DataSource dataSource,
      SubscriberStore subscribers,
      SmsCentre centre,
      ShortCodes shortCodes,
      KeywordServices serviceKeywords,
      CarrierBilling billing,
      DeviceSettings settings,
      Clock clock) {
    this.devices = new PgDeviceStore(dataSource);
    String code = bindingShortCode(profile);
    SecureRandom random = new SecureRandom();
    BindingService binding = new BindingService(devices, subscribers, centre, code, clock, random);
    DeviceAuthentication authentication = new DeviceAuthentication(devices, random);
    this.routes =
        new DeviceRoutes(devices, subscribers, code, clock, random, authentication, binding);
    DevicePurchases buying =
        new DevicePurchases(
            devices,
            subscribers,
            new PurchaseRules(settings.capIn(profile.zone())),
            new PurchaseTransfers(billing.accounts()),
            billing.ledger(),
            clock);
    this.purchases = new PurchaseRoutes(buying, devices, authentication, clock);
    if (code.equals(profile.serviceShortCode())) {
      serviceKeywords.register("BIND", binding);
      serviceKeywords.register("UNBIND", binding);
    } else {
      shortCodes.register(code, binding);
    }
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

  /** The devices and their bindings. */
  public DeviceStore store() {
    return devices;
  }

  /** Registers the device routes under {@code /api/v1}. */
  public void register(HttpRouting.Builder routing, Endpoints endpoints) {
    routing.register("/api/v1", routes.service(endpoints));
    routing.register("/api/v1", purchases.service(endpoints));
  }

  /**
   * What purchases are charged through: the operator's ledger and its accounts.
   *
   * @param ledger the node's ledger
   * @param accounts the operator's accounts, the carrier-billing house account among them
   */
  public record CarrierBilling(ShardedLedger ledger, SubscriberAccounts accounts) {}
}
