package org.telco.app.demo;

import java.util.List;
import java.util.function.Supplier;
import org.telco.app.payment.Payments;
import org.telco.app.subscriber.Subscription;
import org.telco.payment.Payer;
import org.telco.payment.PaymentChannel;
import org.telco.payment.PaymentId;
import org.telco.payment.PaymentRequest;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.PlanCatalog;
import org.telco.subscriber.PlanId;
import org.telco.subscriber.SubscriberStore;

/**
 * The demo subscribers {@code telco serve} seeds on each operator, so that a fresh platform has
 * numbers to query and pay to. They are made through the same subscription and top-up as the API; a
 * number that already exists is left alone (and costs no password derivation), so seeding again
 * after a restart changes nothing. The opening top-ups carry the payment id {@code
 * demo-topup-<msisdn>}, paid by the subscriber.
 */
public final class DemoSubscribers {
  /** The demo-only service password of every demo subscriber, printed in the README on purpose. */
  public static final String SERVICE_PASSWORD = "Demo-Pass-42";

  /** The demo numbers' last four digits, plans and opening top-ups. */
  static final List<Entry> ENTRIES =
      List.of(
          new Entry(1001, "basic", 5_000),
          new Entry(1002, "standard", 10_000),
          new Entry(1003, "plus", 20_000),
          new Entry(1004, "unlimited", 50_000),
          new Entry(1005, "basic", 300));

  private final OperatorProfile profile;
  private final Supplier<PlanCatalog> plans;
  private final SubscriberStore store;
  private final Subscription subscription;
  private final Payments payments;

  /** Seeds one operator. */
  public DemoSubscribers(
      OperatorProfile profile,
      Supplier<PlanCatalog> plans,
      SubscriberStore store,
      Subscription subscription,
      Payments payments) {
    this.profile = profile;
    this.plans = plans;
    this.store = store;
    this.subscription = subscription;
    this.payments = payments;
  }

  /** The demo number {@code suffix} of an operator whose first range starts with {@code prefix}. */
  static Msisdn number(String prefix, int suffix) {
    int width = 13 - prefix.length();
    return new Msisdn(prefix + String.format("%0" + width + "d", suffix));
  }

  /**
   * Subscribes and tops up each demo number that does not exist yet.
   *
   * @return how many were created
   */
  public int seed() {
    String prefix = profile.ranges().getFirst().prefix();
    int created = 0;
    for (Entry entry : ENTRIES) {
      Msisdn msisdn = number(prefix, entry.suffix());
      if (store.find(msisdn).isPresent()) {
        continue;
      }
      subscription.subscribe(
          msisdn,
          plans.get().find(new PlanId(entry.planId())).orElseThrow(),
          SERVICE_PASSWORD.toCharArray());
      payments.pay(
          new PaymentRequest(
              new PaymentId("demo-topup-" + msisdn.digits()),
              msisdn,
              entry.topUpFen(),
              new Payer(msisdn.digits()),
              PaymentChannel.SANDBOX));
      created++;
    }
    return created;
  }

  /**
   * One demo subscriber.
   *
   * @param suffix the number's last digits
   * @param planId its plan
   * @param topUpFen its opening top-up
   */
  record Entry(int suffix, String planId, long topUpFen) {}
}
