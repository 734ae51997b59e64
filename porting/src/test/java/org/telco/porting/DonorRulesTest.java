package org.telco.porting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.telco.subscriber.BillingCycles;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.PlanId;
import org.telco.subscriber.ServicePassword;
import org.telco.subscriber.StateChangeReason;
import org.telco.subscriber.StateChangeResult;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberAccounts;

/** The donor's port-out checks, the credit report's compensation and the recipient's policy. */
class DonorRulesTest {
  private static final Instant T0 = Instant.parse("2026-05-01T02:00:00Z");
  private static final Msisdn NUMBER = new Msisdn("8613800000001");
  private static final PortOutRules RULES = PortOutRules.defaults();
  private static final Subscriber ACTIVE =
      Subscriber.subscribe(
          NUMBER,
          new OperatorId("alpha"),
          new PlanId("standard"),
          ServicePassword.derive("pw".toCharArray(), new byte[16], 1),
          SubscriberAccounts.subscriberFamily(1),
          T0.minus(Duration.ofDays(400)),
          new BillingCycles(ZoneId.of("Asia/Shanghai")));

  @Test
  void anActiveOrBarredSubscriberWithoutHoldsMayPortOut() {
    assertThat(RULES.check(Optional.of(ACTIVE), PortingHold.none(NUMBER), T0)).isEmpty();
    Subscriber barred =
        ((StateChangeResult.Changed) ACTIVE.change(StateChangeReason.FEE_UNPAID, T0)).subscriber();
    assertThat(RULES.check(Optional.of(barred), PortingHold.none(NUMBER), T0)).isEmpty();
  }

  @Test
  void unknownPortedOutLockedAndFreshlySwappedNumbersMayNot() {
    Subscriber gone =
        ((StateChangeResult.Changed) ACTIVE.change(StateChangeReason.PORTED_OUT, T0)).subscriber();
    assertThat(RULES.check(Optional.empty(), PortingHold.none(NUMBER), T0))
        .contains(PortRejection.UNKNOWN_NUMBER);
    assertThat(RULES.check(Optional.of(gone), PortingHold.none(NUMBER), T0))
        .contains(PortRejection.UNKNOWN_NUMBER);
    assertThat(RULES.check(Optional.of(ACTIVE), new PortingHold(NUMBER, true, null, null, 0), T0))
        .contains(PortRejection.PORTING_LOCK);
    PortingHold swapped = new PortingHold(NUMBER, false, T0.minus(Duration.ofDays(6)), null, 0);
    assertThat(RULES.check(Optional.of(ACTIVE), swapped, T0))
        .contains(PortRejection.RECENT_SIM_SWAP);
    assertThat(RULES.check(Optional.of(ACTIVE), swapped, T0.plus(Duration.ofDays(1)))).isEmpty();
  }

  @Test
  void compensationIsWhatIsOwedAndTheLockInCostsOnlyWhileItLasts() {
    PortingHold lockedIn = new PortingHold(NUMBER, false, null, T0.plusSeconds(60), 5_000);
    assertThat(lockedIn.earlyTerminationAt(T0)).isEqualTo(5_000);
    assertThat(lockedIn.earlyTerminationAt(T0.plusSeconds(60))).isZero();
    assertThat(lockedIn.lockInAt(T0.plusSeconds(60))).isNull();

    CreditReport report =
        new CreditReport(NUMBER, 1_800, 1_000, T0.plusSeconds(60), 5_000, 300, 400);
    assertThat(report.compensationFen()).isEqualTo(7_800);
    assertThat(new AcceptancePolicy(7_800).accepts(report)).isTrue();
    assertThat(new AcceptancePolicy(7_799).accepts(report)).isFalse();
    assertThat(new AcceptancePolicy(0).accepts(new CreditReport(NUMBER, 0, 0, null, 0, 900, 3)))
        .isTrue();
  }
}
