package org.telco.app.porting;

import java.time.Instant;
import java.util.Optional;
import org.telco.app.subscriber.Subscription;
import org.telco.porting.AcceptancePolicy;
import org.telco.porting.CreditReport;
import org.telco.porting.PortState;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.Plan;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberStore;
import org.telco.web.PeerClient;

/**
 * The recipient's side of a port (flow F4): it takes the terminal's port request (number, donor,
 * result), has the clearinghouse verify it and relay the credit information, decides by its {@link
 * AcceptancePolicy}, and once the port is settled activates the number as its own subscriber.
 *
 * <p>Every step is safe to repeat under the same port id: the clearinghouse answers a repeated
 * verification or acceptance with where the port stands, and a number already activated here is not
 * subscribed twice.
 */
final class RecipientDesk {
  private final PeerClient clearinghouse;
  private final AcceptancePolicy policy;
  private final SubscriberStore subscribers;
  private final Subscription subscription;
  private final PortInWelcome welcome;

  RecipientDesk(
      PeerClient clearinghouse,
      AcceptancePolicy policy,
      SubscriberStore subscribers,
      Subscription subscription,
      PortInWelcome welcome) {
    this.clearinghouse = clearinghouse;
    this.policy = policy;
    this.subscribers = subscribers;
    this.subscription = subscription;
    this.welcome = welcome;
  }

  /**
   * What the terminal asks for.
   *
   * @param portId its id for the port, the idempotency key at every party
   * @param msisdn the number
   * @param donor the operator that serves it now
   * @param proofHex the terminal's result over its nonce
   * @param plan the plan to activate it on here
   * @param password the service password it will have here
   */
  record Order(
      String portId, Msisdn msisdn, String donor, String proofHex, Plan plan, char[] password) {}

  /**
   * Runs the port as far as it goes now.
   *
   * @return the port as the clearinghouse has it at the end, and the subscriber when activated
   * @throws org.telco.web.PeerCallException when the clearinghouse refuses a step (its problem is
   *     passed on) or cannot be reached
   */
  Result portIn(Order order) {
    PortRequestJson port =
        clearinghouse.post(
            "/api/v1/porting/verifications",
            new ClearinghouseRoutes.VerificationJson(
                order.portId(), order.msisdn().digits(), order.donor(), order.proofHex()),
            PortRequestJson.class);
    if (port.state().equals(PortState.CREDIT_CHECKED.name())) {
      String step = policy.accepts(credit(order.msisdn(), port)) ? "accept" : "decline";
      port =
          clearinghouse.post(
              "/api/v1/porting/requests/" + port.id() + "/" + step,
              new Empty(),
              PortRequestJson.class);
    }
    boolean moved =
        port.state().equals(PortState.SETTLED.name())
            || port.state().equals(PortState.COMPLETED.name());
    return new Result(port, moved ? Optional.of(activate(order)) : Optional.empty());
  }

  /**
   * The number as this operator's subscriber: subscribed now and greeted by SMS, or found from an
   * earlier try. The greeting's id names the port, so a retry sends it once.
   */
  private Subscriber activate(Order order) {
    Optional<Subscriber> existing = subscribers.find(order.msisdn());
    if (existing.isEmpty()) {
      subscription.subscribe(order.msisdn(), order.plan(), order.password());
    }
    welcome.send(order.portId(), order.msisdn());
    return subscribers.find(order.msisdn()).orElseThrow();
  }

  private static CreditReport credit(Msisdn msisdn, PortRequestJson port) {
    PortRequestJson.CreditJson credit = port.credit();
    return new CreditReport(
        msisdn,
        credit.arrearsFen(),
        credit.unpaidAdvancesFen(),
        credit.lockInUntil() == null ? null : Instant.parse(credit.lockInUntil()),
        credit.earlyTerminationFen(),
        credit.balanceFen(),
        credit.tenureDays());
  }

  /**
   * Where the port stands, and the subscriber here once it moved.
   *
   * @param port the clearinghouse's record of the port
   * @param subscriber the activated subscriber; empty unless the port settled
   */
  record Result(PortRequestJson port, Optional<Subscriber> subscriber) {}

  /** An empty JSON body. */
  record Empty() {}
}
