package org.telco.app.subscriber;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.outbox.Outbox;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.NumberState;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.PasswordPolicy;
import org.telco.subscriber.PasswordRejection;
import org.telco.subscriber.Plan;
import org.telco.subscriber.PlanCatalog;
import org.telco.subscriber.PlanId;
import org.telco.subscriber.StateChange;
import org.telco.subscriber.StateChangeReason;
import org.telco.subscriber.StateChangeResult;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberCreation;
import org.telco.subscriber.SubscriberStore;
import org.telco.subscriber.SubscriberUpdate;
import org.telco.subscriber.SubscriberUpdateResult;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.Problem;
import org.telco.web.Reply;

/**
 * The operator's plans, subscribers, voluntary suspension and number status.
 *
 * <p><b>Subscribing writes nothing half-way.</b> Every field is checked first. Then the two ledger
 * accounts are opened (deterministic ids, idempotent, harmless while nobody uses them) and only
 * then the subscriber row is inserted, in one transaction with its first history entry. If the
 * ledger step fails, no row exists; if the insert loses a race for the number, two empty accounts
 * stay behind unused, which costs nothing and is never visible.
 *
 * <p><b>Suspend and resume</b> write the state change first and then enqueue the network command
 * (and an SMS) in the outbox. The subscriber store offers no transaction to share, so the message
 * ids are derived from the state change (number and time), and a retried request that finds the
 * state already changed enqueues the same ids again: a crash between the two writes is cured by
 * retrying, and never delivers a command twice.
 */
public final class SubscriberRoutes implements HttpService {
  private final OperatorProfile profile;
  private final Supplier<PlanCatalog> plans;
  private final SubscriberStore store;
  private final LifecycleNotices notices;
  private final Subscription subscription;
  private final ShardedLedger ledger;
  private final Clock clock;
  private final Endpoints endpoints;

  /** Routes over one operator's stores, outbox and ledger engine. */
  public SubscriberRoutes(
      OperatorProfile profile,
      Supplier<PlanCatalog> plans,
      SubscriberStore store,
      Outbox outbox,
      Subscription subscription,
      ShardedLedger ledger,
      Clock clock,
      Endpoints endpoints) {
    this.profile = profile;
    this.plans = plans;
    this.store = store;
    this.notices = new LifecycleNotices(profile, outbox);
    this.subscription = subscription;
    this.ledger = ledger;
    this.clock = clock;
    this.endpoints = endpoints;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/plans", endpoints.handler(Access.PARTNER, call -> listPlans()))
        .post("/subscribers", endpoints.handler(Access.ADMIN, this::subscribe))
        .get("/subscribers/{msisdn}", endpoints.handler(Access.ADMIN, this::read))
        .get("/subscribers/{msisdn}/history", endpoints.handler(Access.ADMIN, this::history))
        .post(
            "/subscribers/{msisdn}/suspend",
            endpoints.handler(
                Access.ADMIN, call -> change(call, StateChangeReason.SUSPENDED_BY_REQUEST)))
        .post(
            "/subscribers/{msisdn}/resume",
            endpoints.handler(
                Access.ADMIN, call -> change(call, StateChangeReason.RESUMED_BY_REQUEST)))
        .get("/numbers/{msisdn}/status", endpoints.handler(Access.PARTNER, this::numberStatus));
  }

  private Reply listPlans() {
    return Reply.ok(plans.get().plans().stream().map(PlanJson::of).toList());
  }

  private Reply subscribe(Call call) {
    SubscribeJson request = call.body(SubscribeJson.class);
    Msisdn msisdn = ownNumber(request.msisdn());
    Plan plan = plan(request.planId());
    char[] password = password(request.servicePassword());
    if (store.find(msisdn).isPresent()) {
      throw taken(msisdn);
    }
    return switch (subscription.subscribe(msisdn, plan, password)) {
      case SubscriberCreation.Created created -> Reply.created(json(created.subscriber()));
      case SubscriberCreation.MsisdnTaken existing -> throw taken(msisdn);
    };
  }

  private Reply read(Call call) {
    return Reply.ok(json(existing(call)));
  }

  private Reply history(Call call) {
    Subscriber subscriber = existing(call);
    return Reply.ok(store.history(subscriber.msisdn()).stream().map(StateChangeJson::of).toList());
  }

  private Reply change(Call call, StateChangeReason reason) {
    Subscriber subscriber = existing(call);
    Instant now = clock.instant();
    return switch (subscriber.change(reason, now)) {
      case StateChangeResult.Changed changed -> {
        Subscriber updated = stored(store.update(SubscriberUpdate.of(changed)));
        notices.enqueue(changed.change());
        yield Reply.ok(json(updated));
      }
      case StateChangeResult.Unchanged unchanged -> {
        List<StateChange> history = store.history(subscriber.msisdn());
        if (!history.isEmpty() && history.getLast().reason() == reason) {
          notices.enqueue(history.getLast());
        }
        yield Reply.ok(json(unchanged.subscriber()));
      }
      case StateChangeResult.Refused refused ->
          throw new Problem(
                  409,
                  "state-transition-refused",
                  "The subscriber cannot make this change",
                  "a subscriber in state "
                      + refused.subscriber().state()
                      + " cannot be changed by "
                      + reason,
                  null)
              .toException();
    };
  }

  private Subscriber stored(SubscriberUpdateResult result) {
    return switch (result) {
      case SubscriberUpdateResult.Updated updated -> updated.subscriber();
      case SubscriberUpdateResult.Stale stale ->
          throw new Problem(
                  409,
                  "concurrent-update",
                  "The subscriber changed meanwhile",
                  "retry the request",
                  null)
              .toException();
      case SubscriberUpdateResult.NotFound notFound ->
          throw MsisdnField.subscriberNotFound(notFound.msisdn().digits());
    };
  }

  private Reply numberStatus(Call call) {
    Msisdn msisdn = MsisdnField.parse(call.pathParameter("msisdn"));
    // The subscriber store, not the number ranges, says whose a number is: a number ported in
    // lives outside this operator's ranges, and one ported out is PORTED_OUT here (UNKNOWN).
    NumberState state = NumberState.of(store.find(msisdn));
    return Reply.ok(new NumberStatusJson(msisdn.digits(), state.name()));
  }

  private SubscriberJson json(Subscriber subscriber) {
    long balance =
        account(subscriber.moneyAccount())
            .map(a -> a.creditsPosted() - a.debitsPosted())
            .orElse(0L);
    long due =
        account(subscriber.arrearsAccount())
            .map(a -> a.debitsPosted() - a.creditsPosted())
            .orElse(0L);
    return SubscriberJson.of(subscriber, balance, due);
  }

  private Optional<Account> account(AccountId id) {
    return ledger.account(id).join();
  }

  private Subscriber existing(Call call) {
    return MsisdnField.subscriberIn(store, call.pathParameter("msisdn"));
  }

  private Msisdn ownNumber(String raw) {
    Msisdn msisdn = MsisdnField.parse(raw);
    if (!profile.owns(msisdn)) {
      throw new Problem(
              422,
              "msisdn-not-in-range",
              "The number is not ours",
              msisdn + " is outside the number ranges of " + profile.id() + " " + profile.ranges(),
              "msisdn")
          .toException();
    }
    return msisdn;
  }

  private Plan plan(String raw) {
    if (raw == null) {
      throw Problem.invalidField("planId", "planId is required").toException();
    }
    Optional<Plan> plan;
    try {
      plan = plans.get().find(new PlanId(raw));
    } catch (IllegalArgumentException e) {
      plan = Optional.empty();
    }
    return plan.orElseThrow(
        () ->
            new Problem(
                    422,
                    "unknown-plan",
                    "No such plan",
                    "see GET /api/v1/plans for the plans of " + profile.id(),
                    "planId")
                .toException());
  }

  private static char[] password(String raw) {
    if (raw == null) {
      throw new Problem(
              400,
              "service-password-required",
              "A service password is required",
              "choose a service password of "
                  + PasswordPolicy.LENGTH_MIN
                  + "-"
                  + PasswordPolicy.LENGTH_MAX
                  + " characters",
              "servicePassword")
          .toException();
    }
    char[] password = raw.toCharArray();
    Optional<PasswordRejection> rejection = PasswordPolicy.check(password);
    if (rejection.isPresent()) {
      Arrays.fill(password, '\0');
      throw new Problem(
              400,
              kebab(rejection.get()),
              "The service password is too weak",
              describe(rejection.get()),
              "servicePassword")
          .toException();
    }
    return password;
  }

  private static String describe(PasswordRejection rejection) {
    return switch (rejection) {
      case TOO_SHORT -> "at least " + PasswordPolicy.LENGTH_MIN + " characters";
      case TOO_LONG -> "at most " + PasswordPolicy.LENGTH_MAX + " characters";
      case CONTROL_CHARACTER -> "no control characters";
      case ALL_SAME_CHARACTER -> "not one character repeated";
      case SEQUENTIAL_RUN -> "not a run such as 123456 or abcdef";
    };
  }

  private static String kebab(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static RuntimeException taken(Msisdn msisdn) {
    return new Problem(
            409,
            "msisdn-taken",
            "The number is already subscribed",
            msisdn + " has a subscriber",
            "msisdn")
        .toException();
  }
}
