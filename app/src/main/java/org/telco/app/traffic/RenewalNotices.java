package org.telco.app.traffic;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.telco.messaging.SmsMessage;
import org.telco.messaging.SmsMessages;
import org.telco.outbox.Outbox;
import org.telco.payment.Yuan;
import org.telco.subscriber.Msisdn;
import org.telco.traffic.ProductId;
import org.telco.traffic.PurchaseId;
import org.telco.traffic.TrafficCatalog;
import org.telco.traffic.TrafficProduct;
import org.telco.traffic.VoidReason;

/**
 * The SMS a monthly renewal sends from the operator's service short code: the pack was bought
 * again, or it was not and why, so nobody finds out only when their data stops. Each SMS id is made
 * from the renewal's purchase id, so a timer fired twice still sends one message.
 */
final class RenewalNotices {
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

  private final Outbox outbox;
  private final String shortCode;
  private final TrafficCatalog catalog;
  private final ZoneId zone;

  RenewalNotices(Outbox outbox, String shortCode, TrafficCatalog catalog, ZoneId zone) {
    this.outbox = outbox;
    this.shortCode = shortCode;
    this.catalog = catalog;
    this.zone = zone;
  }

  /**
   * Tells the subscriber what the renewal {@code id}, due at {@code dueAt}, came to; an id already
   * used by another purchase tells nothing.
   */
  void tell(
      PurchaseId id,
      Msisdn msisdn,
      ProductId productId,
      Instant dueAt,
      TrafficPurchases.Outcome outcome,
      Instant now) {
    String pack = catalog.find(productId).map(TrafficProduct::name).orElse(productId.value());
    String month = MONTH.format(dueAt.atZone(zone));
    switch (outcome) {
      case TrafficPurchases.Outcome.Completed completed ->
          send(
              "traffic-renewed:" + id.value(),
              msisdn,
              "Your "
                  + pack
                  + " was renewed for "
                  + month
                  + ": "
                  + Yuan.of(completed.purchase().priceFen())
                  + " yuan was charged. It renews every month until you cancel it.",
              now);
      case TrafficPurchases.Outcome.Voided voided ->
          send(
              "traffic-renewal-failed:" + id.value(),
              msisdn,
              voided.purchase().voidReason() == VoidReason.BALANCE_TOO_LOW
                  ? "Your "
                      + pack
                      + " could not be renewed for "
                      + month
                      + ": your balance is below its price of "
                      + Yuan.of(voided.purchase().priceFen())
                      + " yuan. Top up and buy it again to keep it."
                  : notRenewed(pack, month, voided.purchase().voidReason().code()),
              now);
      case TrafficPurchases.Outcome.Refused refused ->
          send(
              "traffic-renewal-failed:" + id.value(),
              msisdn,
              notRenewed(pack, month, refused.refusal().code()),
              now);
      case TrafficPurchases.Outcome.IdReused reused -> {}
    }
  }

  private static String notRenewed(String pack, String month, String reason) {
    return "Your " + pack + " could not be renewed for " + month + " (" + reason + ").";
  }

  private void send(String id, Msisdn msisdn, String text, Instant now) {
    outbox.enqueue(SmsMessages.message(new SmsMessage(id, shortCode, msisdn.digits(), text, now)));
  }
}
