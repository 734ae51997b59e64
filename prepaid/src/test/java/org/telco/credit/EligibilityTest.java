package org.telco.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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

class EligibilityTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Instant SUBSCRIBED = Instant.parse("2026-01-10T04:00:00Z");
  private static final Instant NOW = SUBSCRIBED.plus(Duration.ofDays(60));
  private static final Msisdn NUMBER = new Msisdn("8613800000001");

  private final EmergencyCreditPolicy policy =
      new EmergencyCreditPolicy(
          Duration.ofMinutes(30),
          Duration.ofHours(72),
          1_000,
          Map.of(new PlanId("unlimited"), 5_000L),
          Duration.ofDays(30),
          Duration.ofDays(180),
          QuietHours.none(ZONE));
  private final Eligibility eligibility = new Eligibility(policy);

  @Test
  void aBarredSubscriberOfLongEnoughGetsThePlansAmount() {
    assertThat(eligibility.check(barred("basic"), List.of(), NOW))
        .isEqualTo(new Eligibility.Verdict.Eligible(1_000));
    assertThat(eligibility.check(barred("unlimited"), List.of(), NOW))
        .isEqualTo(new Eligibility.Verdict.Eligible(5_000));
  }

  @Test
  void onlyANumberBarredForArrearsQualifies() {
    Subscriber active = subscriber("basic");
    Subscriber suspended = moved(active, StateChangeReason.SUSPENDED_BY_REQUEST);
    Subscriber portedOut = moved(active, StateChangeReason.PORTED_OUT);

    for (Subscriber other : List.of(active, suspended, portedOut)) {
      assertThat(eligibility.check(other, List.of(), NOW))
          .isEqualTo(
              new Eligibility.Verdict.Ineligible(Eligibility.Refusal.NOT_BARRED_FOR_ARREARS));
    }
  }

  @Test
  void aNewSubscriberWaitsForTheMinimumTenure() {
    assertThat(eligibility.check(barred("basic"), List.of(), SUBSCRIBED.plus(Duration.ofDays(29))))
        .isEqualTo(new Eligibility.Verdict.Ineligible(Eligibility.Refusal.TENURE_TOO_SHORT));
  }

  @Test
  void tenureCountsFromTheStartOfTheSubscriptionDay() {
    // Subscribed at 12:00 local on 10 January: 30 days from that midnight is 00:00 on 9 February.
    Instant dayStart = Instant.parse("2026-01-09T16:00:00Z");

    assertThat(eligibility.check(barred("basic"), List.of(), dayStart.plus(Duration.ofDays(30))))
        .isEqualTo(new Eligibility.Verdict.Eligible(1_000));
    assertThat(
            eligibility.check(
                barred("basic"), List.of(), dayStart.plus(Duration.ofDays(30)).minusSeconds(1)))
        .isEqualTo(new Eligibility.Verdict.Ineligible(Eligibility.Refusal.TENURE_TOO_SHORT));
  }

  @Test
  void oneAdvanceAtATimeAndNoneSoonAfterADefault() {
    Instant granted = NOW.minus(Duration.ofDays(10));
    Advance outstanding =
        Advance.grant("a1", NUMBER, 1_000, 800, NOW.minusSeconds(60), NOW.plusSeconds(3_600));
    Advance defaulted =
        Advance.grant("a2", NUMBER, 1_000, 800, granted, granted.plus(Duration.ofHours(72)))
            .defaultAt(granted.plus(Duration.ofHours(72)));
    Advance recovered = defaulted.repay(1_000, NOW.minus(Duration.ofDays(1)));
    Advance repaid =
        Advance.grant("a3", NUMBER, 1_000, 800, granted, granted.plus(Duration.ofHours(72)))
            .repay(1_000, granted.plusSeconds(60));

    assertThat(eligibility.check(barred("basic"), List.of(outstanding), NOW))
        .isEqualTo(new Eligibility.Verdict.Ineligible(Eligibility.Refusal.ADVANCE_UNPAID));
    assertThat(eligibility.check(barred("basic"), List.of(defaulted), NOW))
        .isEqualTo(new Eligibility.Verdict.Ineligible(Eligibility.Refusal.ADVANCE_UNPAID));
    assertThat(eligibility.check(barred("basic"), List.of(recovered), NOW))
        .isEqualTo(new Eligibility.Verdict.Ineligible(Eligibility.Refusal.RECENT_DEFAULT));
    assertThat(
            eligibility.check(barred("basic"), List.of(recovered), NOW.plus(Duration.ofDays(200))))
        .isInstanceOf(Eligibility.Verdict.Eligible.class);
    assertThat(eligibility.check(barred("basic"), List.of(repaid), NOW))
        .isInstanceOf(Eligibility.Verdict.Eligible.class);
  }

  private Subscriber barred(String plan) {
    return moved(subscriber(plan), StateChangeReason.FEE_UNPAID);
  }

  private static Subscriber moved(Subscriber subscriber, StateChangeReason reason) {
    return ((StateChangeResult.Changed) subscriber.change(reason, NOW.minusSeconds(3_600)))
        .subscriber();
  }

  private static Subscriber subscriber(String plan) {
    return Subscriber.subscribe(
        NUMBER,
        new OperatorId("alpha"),
        new PlanId(plan),
        ServicePassword.derive("Qw9-zx81".toCharArray(), new byte[16], 1),
        SubscriberAccounts.subscriberFamily(1),
        SUBSCRIBED,
        new BillingCycles(ZONE));
  }
}
