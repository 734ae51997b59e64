package org.telco.subscriber;

import java.time.Instant;
import java.time.ZoneOffset;

/** Subscribers for tests, here and in the stores' contract suites in other modules. */
public final class SubscriberFixtures {
  /** Cycles counted in UTC, so test instants read as their dates. */
  public static final BillingCycles UTC_CYCLES = new BillingCycles(ZoneOffset.UTC);

  /** The operator of the fixtures. */
  public static final OperatorId ALPHA = new OperatorId("alpha");

  /** A plan of the demo catalogue. */
  public static final PlanId BASIC = new PlanId("basic");

  private SubscriberFixtures() {}

  /** A password with one PBKDF2 iteration, so tests stay fast; the salt follows from the seed. */
  public static ServicePassword password(String password, int saltSeed) {
    byte[] salt = new byte[ServicePassword.SALT_BYTES];
    for (int i = 0; i < salt.length; i++) {
      salt[i] = (byte) (saltSeed * 31 + i);
    }
    return ServicePassword.derive(password.toCharArray(), salt, 1);
  }

  /** A new ACTIVE subscriber of alpha on the basic plan, in the family of {@code serial}. */
  public static Subscriber subscriber(String msisdn, long serial, Instant at) {
    return Subscriber.subscribe(
        new Msisdn(msisdn),
        ALPHA,
        BASIC,
        password("s3cret-" + serial, (int) serial),
        SubscriberAccounts.subscriberFamily(serial),
        at,
        UTC_CYCLES);
  }
}
