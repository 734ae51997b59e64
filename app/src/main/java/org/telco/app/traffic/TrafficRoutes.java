package org.telco.app.traffic;

import io.helidon.webserver.http.HttpService;
import java.util.ArrayList;
import java.util.List;
import org.telco.app.subscriber.MsisdnField;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.SubscriberStore;
import org.telco.traffic.Bucket;
import org.telco.traffic.BucketId;
import org.telco.traffic.CardId;
import org.telco.traffic.ProductId;
import org.telco.traffic.PurchaseId;
import org.telco.traffic.TrafficCatalog;
import org.telco.traffic.TrafficPurchase;
import org.telco.traffic.UsagePriority;
import org.telco.traffic.VoidReason;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.Problem;
import org.telco.web.Reply;

/**
 * Flow F5's API under {@code /api/v1} (docs/traffic.md): the catalogue (public), purchases, cards,
 * and a subscriber's buckets and usage priority (the operator's staff and apps, admin key).
 */
final class TrafficRoutes {
  private final TrafficCatalog catalog;
  private final SubscriberStore subscribers;
  private final TrafficStores stores;
  private final DataLedger ledger;
  private final TrafficPurchases purchases;
  private final CardBinding binding;
  private final PackRenewals renewals;

  TrafficRoutes(
      TrafficCatalog catalog,
      SubscriberStore subscribers,
      TrafficStores stores,
      DataLedger ledger,
      TrafficPurchases purchases,
      CardBinding binding,
      PackRenewals renewals) {
    this.catalog = catalog;
    this.subscribers = subscribers;
    this.stores = stores;
    this.ledger = ledger;
    this.purchases = purchases;
    this.binding = binding;
    this.renewals = renewals;
  }

  HttpService service(Endpoints endpoints) {
    return rules ->
        rules
            .get("/traffic/products", endpoints.handler(Access.PUBLIC, this::products))
            .post("/traffic/purchases", endpoints.handler(Access.ADMIN, this::buy))
            .get("/traffic/purchases/{id}", endpoints.handler(Access.ADMIN, this::purchase))
            .get("/traffic/cards/{cardId}", endpoints.handler(Access.ADMIN, this::card))
            .post("/traffic/cards/{cardId}/bind", endpoints.handler(Access.ADMIN, this::bind))
            .get("/subscribers/{msisdn}/buckets", endpoints.handler(Access.ADMIN, this::buckets))
            .put(
                "/subscribers/{msisdn}/buckets/priority",
                endpoints.handler(Access.ADMIN, this::reorder))
            .delete(
                "/subscribers/{msisdn}/traffic/renewals/{productId}",
                endpoints.handler(Access.ADMIN, this::cancelRenewal));
  }

  /** Stops a monthly pack renewing: its live copies stay until their month ends. */
  private Reply cancelRenewal(Call call) {
    Msisdn msisdn = MsisdnField.parse(call.pathParameter("msisdn"));
    String product = call.pathParameter("productId");
    if (!ProductId.isWellFormed(product)) {
      throw Problem.invalidField("productId", "productId is 1-40 of a-z, 0-9, '-'").toException();
    }
    if (subscribers.find(msisdn).isEmpty()) {
      throw MsisdnField.subscriberNotFound(msisdn.digits());
    }
    if (renewals.cancel(msisdn, new ProductId(product)) == 0) {
      throw new Problem(
              404,
              "renewal-unknown",
              "No renewal to cancel",
              msisdn.digits() + " holds no live " + product + " pack that renews",
              null)
          .toException();
    }
    return new Reply(204, null);
  }

  private Reply products(Call call) {
    return Reply.ok(catalog.products().stream().map(TrafficJson.Product::of).toList());
  }

  private Reply buy(Call call) {
    TrafficJson.PurchaseRequest request = call.body(TrafficJson.PurchaseRequest.class);
    if (request.id() == null || !PurchaseId.isWellFormed(request.id())) {
      throw Problem.invalidField("id", "id is required: 1-64 of A-Z, a-z, 0-9, '.', '_', '-'")
          .toException();
    }
    Msisdn msisdn = MsisdnField.parse(request.msisdn());
    if (request.productId() == null || !ProductId.isWellFormed(request.productId())) {
      throw Problem.invalidField("productId", "productId is required: 1-40 of a-z, 0-9, '-'")
          .toException();
    }
    PurchaseId id = new PurchaseId(request.id());
    return switch (purchases.purchase(id, msisdn, new ProductId(request.productId()))) {
      case TrafficPurchases.Outcome.Completed done when done.replayed() ->
          Reply.ok(view(done.purchase()));
      case TrafficPurchases.Outcome.Completed done -> Reply.created(view(done.purchase()));
      case TrafficPurchases.Outcome.Voided voided -> throw voided(voided.purchase()).toException();
      case TrafficPurchases.Outcome.Refused refused -> throw refusal(refused).toException();
      case TrafficPurchases.Outcome.IdReused reused ->
          throw new Problem(
                  409,
                  "purchase-id-reused",
                  "Purchase id used before",
                  "purchase " + id + " was made for another number or product",
                  "id")
              .toException();
    };
  }

  private Reply purchase(Call call) {
    String raw = call.pathParameter("id");
    TrafficPurchase found =
        PurchaseId.isWellFormed(raw)
            ? stores.purchases().find(new PurchaseId(raw)).orElse(null)
            : null;
    if (found == null) {
      throw new Problem(404, "purchase-unknown", "No such purchase", "no purchase " + raw, null)
          .toException();
    }
    return Reply.ok(view(found));
  }

  private Reply card(Call call) {
    CardId id = cardId(call);
    return Reply.ok(
        TrafficJson.Card.of(stores.cards().find(id).orElseThrow(() -> cardUnknown(id))));
  }

  private Reply bind(Call call) {
    CardId id = cardId(call);
    Msisdn user = MsisdnField.parse(call.body(TrafficJson.BindRequest.class).msisdn());
    return switch (binding.bind(id, user)) {
      case CardBinding.Outcome.Bound bound -> {
        TrafficJson.Bound body =
            new TrafficJson.Bound(TrafficJson.Card.of(bound.card()), bucketView(bound.bucket()));
        yield bound.replayed() ? Reply.ok(body) : Reply.created(body);
      }
      case CardBinding.Outcome.Unknown unknown -> throw cardUnknown(id);
      case CardBinding.Outcome.NotPaid notPaid ->
          throw new Problem(
                  409,
                  "card-not-paid",
                  "Card not paid for",
                  "card " + id + " is " + notPaid.card().state(),
                  null)
              .toException();
      case CardBinding.Outcome.BoundElsewhere elsewhere ->
          throw new Problem(
                  409, "card-already-bound", "Card already bound", "card " + id + " is bound", null)
              .toException();
      case CardBinding.Outcome.UserUnknown unknown ->
          throw MsisdnField.subscriberNotFound(user.digits());
      case CardBinding.Outcome.NotInService notInService ->
          throw new Problem(
                  403,
                  "not-in-service",
                  "Number not in service",
                  user.digits() + " is " + notInService.state(),
                  "msisdn")
              .toException();
      case CardBinding.Outcome.NoFreeSlot full ->
          throw new Problem(
                  409,
                  "no-free-bucket-slot",
                  "Too many buckets",
                  user.digits() + " holds 254 live buckets",
                  "msisdn")
              .toException();
    };
  }

  private Reply buckets(Call call) {
    Msisdn msisdn = subscriber(call);
    return Reply.ok(new TrafficJson.Buckets(msisdn.digits(), views(msisdn)));
  }

  private Reply reorder(Call call) {
    Msisdn msisdn = subscriber(call);
    TrafficJson.PriorityRequest request = call.body(TrafficJson.PriorityRequest.class);
    if (request.bucketIds() == null) {
      throw Problem.invalidField("bucketIds", "bucketIds is required: every live bucket, once")
          .toException();
    }
    List<BucketId> order = new ArrayList<>();
    for (String raw : request.bucketIds()) {
      if (raw == null || raw.isEmpty() || raw.length() > 100) {
        throw Problem.invalidField("bucketIds", "bucket ids are 1-100 characters").toException();
      }
      order.add(new BucketId(raw));
    }
    UsagePriority.Refusal refusal = UsagePriority.check(stores.buckets().liveOf(msisdn), order);
    if (refusal != null) {
      throw Problem.invalidField(
              "bucketIds", describe(refusal) + "; name every live bucket exactly once")
          .toException();
    }
    if (!stores.buckets().reorder(msisdn, order)) {
      throw new Problem(
              409,
              "buckets-changed",
              "Buckets changed meanwhile",
              "a bucket was added or ended while reordering; read the buckets and try again",
              "bucketIds")
          .toException();
    }
    return Reply.ok(new TrafficJson.Buckets(msisdn.digits(), views(msisdn)));
  }

  private static String describe(UsagePriority.Refusal refusal) {
    return switch (refusal) {
      case UNKNOWN_BUCKET -> "bucketIds names a bucket the subscriber has no live bucket with";
      case DUPLICATE_BUCKET -> "bucketIds names a bucket twice";
      case MISSING_BUCKET -> "bucketIds leaves out a live bucket";
    };
  }

  private List<TrafficJson.BucketView> views(Msisdn msisdn) {
    return stores.buckets().liveOf(msisdn).stream().map(this::bucketView).toList();
  }

  private TrafficJson.BucketView bucketView(Bucket bucket) {
    return TrafficJson.BucketView.of(bucket, ledger.account(bucket.account()).orElse(null));
  }

  private Msisdn subscriber(Call call) {
    return MsisdnField.subscriberIn(subscribers, call.pathParameter("msisdn")).msisdn();
  }

  private TrafficJson.Purchase view(TrafficPurchase p) {
    boolean card = catalog.find(p.productId()).map(x -> x.isCard()).orElse(false);
    return TrafficJson.Purchase.of(p, card, stores.purchases().steps(p.id()));
  }

  private static CardId cardId(Call call) {
    String raw = call.pathParameter("cardId");
    if (!CardId.isWellFormed(raw)) {
      throw Problem.invalidField("cardId", "a card number is TC and 12 of " + CardId.ALPHABET)
          .toException();
    }
    return new CardId(raw);
  }

  private static RuntimeException cardUnknown(CardId id) {
    return new Problem(404, "card-unknown", "No such card", "no card " + id, "cardId")
        .toException();
  }

  private static Problem voided(TrafficPurchase p) {
    VoidReason reason = p.voidReason();
    int status = reason == VoidReason.BALANCE_TOO_LOW ? 402 : 409;
    return new Problem(
        status,
        reason.code(),
        "Purchase voided",
        "purchase " + p.id() + " was voided at " + reason.code() + "; nothing was charged",
        null);
  }

  private static Problem refusal(TrafficPurchases.Outcome.Refused refused) {
    return switch (refused.refusal()) {
      case PRODUCT_UNKNOWN ->
          new Problem(
              404, "product-unknown", "No such product", "see /traffic/products", "productId");
      case SUBSCRIBER_UNKNOWN ->
          new Problem(404, "subscriber-not-found", "Not found", "no such subscriber", "msisdn");
      case NOT_IN_SERVICE ->
          new Problem(
              403, "not-in-service", "Number not in service", "the number is not ACTIVE", "msisdn");
      case BASIC_PACK_HELD ->
          new Problem(
              409,
              "basic-pack-held",
              "Basic pack held",
              "one basic monthly pack at a time",
              "productId");
    };
  }
}
