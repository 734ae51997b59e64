package org.telco.app.device;

import io.helidon.webserver.http.HttpService;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;
import org.telco.app.device.DevicePurchases.Order;
import org.telco.app.device.DevicePurchases.Outcome;
import org.telco.device.BindingToken;
import org.telco.device.Device;
import org.telco.device.DeviceStore;
import org.telco.device.Purchase;
import org.telco.device.PurchaseVerdict;
import org.telco.device.SpendCap;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.Problem;
import org.telco.web.Reply;

/**
 * {@code POST /api/v1/devices/{deviceId}/purchases}: a bound device buys, charged to its payer
 * (docs/devices.md, "Purchases"). The device proves who it is with its credential ({@link
 * DeviceAuthentication}) and which binding pays with its token in the {@value #TOKEN_HEADER}
 * header: both, so neither a copied token without the device's secret nor a device without a
 * binding can charge anyone.
 */
final class PurchaseRoutes {
  /** The header that carries the binding token the activation SMS gave the device. */
  static final String TOKEN_HEADER = "Binding-Token";

  /** Largest single purchase, 10,000 yuan: beyond any cap, so only a typo gets near it. */
  static final long AMOUNT_MAX_FEN = 1_000_000;

  private final DevicePurchases purchases;
  private final DeviceStore devices;
  private final DeviceAuthentication authentication;
  private final Clock clock;

  PurchaseRoutes(
      DevicePurchases purchases,
      DeviceStore devices,
      DeviceAuthentication authentication,
      Clock clock) {
    this.purchases = purchases;
    this.devices = devices;
    this.authentication = authentication;
    this.clock = clock;
  }

  HttpService service(Endpoints endpoints) {
    return rules ->
        rules.post("/devices/{deviceId}/purchases", endpoints.handler(Access.PUBLIC, this::buy));
  }

  private Reply buy(Call call) {
    Device device = authentication.authenticated(call);
    BindingToken token = token(call);
    Order order = order(call.body(PurchaseRequestJson.class));
    return switch (purchases.buy(device.id(), token, order)) {
      case Outcome.Charged charged when charged.replayed() -> Reply.ok(json(charged.purchase()));
      case Outcome.Charged charged -> Reply.created(json(charged.purchase()));
      case Outcome.Declined declined ->
          throw new Problem(
                  402,
                  "balance-too-low",
                  "The paying number's balance does not cover it",
                  "purchase "
                      + declined.purchase().id()
                      + " of "
                      + declined.purchase().amountFen()
                      + " fen was declined; nothing was charged. Buy again under a new id"
                      + " once the number is topped up",
                  null)
              .toException();
      case Outcome.Refused refused -> throw refusal(refused.verdict()).toException();
      case Outcome.IdReused reused ->
          throw new Problem(
                  409,
                  "purchase-id-reused",
                  "Purchase id used for another purchase",
                  "this device used " + reused.stored().id() + " for another item or amount",
                  "id")
              .toException();
    };
  }

  private PurchaseJson json(Purchase purchase) {
    SpendCap cap = purchases.cap();
    YearMonth month = cap.monthOf(clock.instant());
    long spent = devices.spentFen(purchase.deviceId(), cap.start(month), cap.end(month));
    return PurchaseJson.charged(purchase, spent, cap.monthlyFen());
  }

  /** The answer to each refusal of the rules; a refused purchase was not stored. */
  static Problem refusal(PurchaseVerdict verdict) {
    return switch (verdict) {
      case TOKEN_INVALID ->
          new Problem(
              403,
              "binding-token-invalid",
              "Binding token not valid",
              "the " + TOKEN_HEADER + " names no binding of this device",
              null);
      case NOT_BOUND ->
          new Problem(403, "not-bound", "Device not bound", "this token's binding was ended", null);
      case PAYER_NOT_IN_SERVICE ->
          new Problem(
              403,
              "payer-not-in-service",
              "Paying number not in service",
              "the paying number is barred, suspended or no longer a subscriber",
              null);
      case OVER_CAP ->
          new Problem(
              403,
              "over-monthly-cap",
              "Over the device's monthly cap",
              "this purchase would take the device past its cap for the month",
              "amountFen");
      case ALLOWED -> throw new IllegalArgumentException("an allowed purchase is not refused");
    };
  }

  private static BindingToken token(Call call) {
    Optional<String> header =
        call.request().headers().first(io.helidon.http.HeaderNames.create(TOKEN_HEADER));
    if (header.isEmpty() || header.get().isBlank()) {
      throw new Problem(
              401,
              "binding-token-missing",
              "Binding token required",
              "send the token of the activation SMS as " + TOKEN_HEADER,
              null)
          .toException();
    }
    return new BindingToken(header.get().strip());
  }

  private static Order order(PurchaseRequestJson json) {
    if (json.id() == null || !Purchase.isWellFormedId(json.id())) {
      throw Problem.invalidField("id", "id must be 1-64 of A-Z, a-z, 0-9, '.', '_' and '-'")
          .toException();
    }
    if (json.item() == null || json.item().isBlank() || json.item().length() > Purchase.ITEM_MAX) {
      throw Problem.invalidField("item", "item must be 1-" + Purchase.ITEM_MAX + " characters")
          .toException();
    }
    if (json.amountFen() == null || json.amountFen() <= 0 || json.amountFen() > AMOUNT_MAX_FEN) {
      throw Problem.invalidField("amountFen", "amountFen must be 1-" + AMOUNT_MAX_FEN + " fen")
          .toException();
    }
    return new Order(json.id(), json.item(), json.amountFen());
  }
}
