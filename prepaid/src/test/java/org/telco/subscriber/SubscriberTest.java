package org.telco.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.telco.ledger.AccountId;

class SubscriberTest {
  private static final Instant T0 = Instant.parse("2026-01-31T10:00:00Z");
  private static final Instant LATER = T0.plusSeconds(3_600);

  private final Subscriber subscriber = SubscriberFixtures.subscriber("8613800000001", 5, T0);

  @Test
  void newSubscriberIsActiveAtVersionZeroWithItsFirstFeeAtCycleOne() {
    assertThat(subscriber.state()).isEqualTo(SubscriberState.ACTIVE);
    assertThat(subscriber.version()).isZero();
    assertThat(subscriber.createdAt()).isEqualTo(T0);
    assertThat(subscriber.nextCycleAt()).isEqualTo(Instant.parse("2026-02-28T00:00:00Z"));
    assertThat(subscriber.family()).isEqualTo(SubscriberAccounts.subscriberFamily(5));
    assertThat(subscriber.moneyAccount()).isEqualTo(SubscriberAccounts.money(subscriber.family()));
    assertThat(subscriber.arrearsAccount())
        .isEqualTo(SubscriberAccounts.arrears(subscriber.family()));
  }

  @Test
  void allowedChangeGivesTheNewStateAndItsHistoryEntry() {
    StateChangeResult result = subscriber.change(StateChangeReason.SUSPENDED_BY_REQUEST, LATER);

    assertThat(result)
        .isEqualTo(
            new StateChangeResult.Changed(
                subscriber.withState(SubscriberState.SUSPENDED_VOLUNTARY),
                new StateChange(
                    subscriber.msisdn(),
                    SubscriberState.ACTIVE,
                    SubscriberState.SUSPENDED_VOLUNTARY,
                    StateChangeReason.SUSPENDED_BY_REQUEST,
                    LATER)));
    assertThat(result.subscriber().version()).isEqualTo(subscriber.version());
  }

  @Test
  void askingForTheCurrentStateChangesNothing() {
    Subscriber suspended = subscriber.withState(SubscriberState.SUSPENDED_VOLUNTARY);

    assertThat(suspended.change(StateChangeReason.SUSPENDED_BY_REQUEST, LATER))
        .isEqualTo(new StateChangeResult.Unchanged(suspended));
    assertThat(subscriber.change(StateChangeReason.RESUMED_BY_REQUEST, LATER))
        .isEqualTo(new StateChangeResult.Unchanged(subscriber));
  }

  @Test
  void barredNumberCannotBeResumedOrSuspendedOnlyPaidOrPortedOrClosed() {
    Subscriber barred = subscriber.withState(SubscriberState.BARRED_ARREARS);

    assertThat(barred.change(StateChangeReason.RESUMED_BY_REQUEST, LATER))
        .isEqualTo(new StateChangeResult.Refused(barred, StateChangeReason.RESUMED_BY_REQUEST));
    assertThat(barred.change(StateChangeReason.SUSPENDED_BY_REQUEST, LATER))
        .isInstanceOf(StateChangeResult.Refused.class);
    assertThat(barred.change(StateChangeReason.ARREARS_PAID, LATER).subscriber().state())
        .isEqualTo(SubscriberState.ACTIVE);
    assertThat(barred.change(StateChangeReason.PORTED_OUT, LATER))
        .isInstanceOf(StateChangeResult.Changed.class);
  }

  @Test
  void suspendedNumberIsNeverBarredAndNothingLeavesPortedOut() {
    Subscriber suspended = subscriber.withState(SubscriberState.SUSPENDED_VOLUNTARY);
    Subscriber portedOut = subscriber.withState(SubscriberState.PORTED_OUT);

    assertThat(suspended.change(StateChangeReason.FEE_UNPAID, LATER))
        .isInstanceOf(StateChangeResult.Refused.class);
    assertThat(suspended.change(StateChangeReason.ARREARS_PAID, LATER))
        .isInstanceOf(StateChangeResult.Refused.class);
    for (StateChangeReason reason : StateChangeReason.values()) {
      StateChangeResult result = portedOut.change(reason, LATER);
      assertThat(result).isNotInstanceOf(StateChangeResult.Changed.class);
      assertThat(result.subscriber()).isEqualTo(portedOut);
    }
  }

  @Test
  void nextCycleFollowsTheAnniversaryFromTheSubscriptionDay() {
    Subscriber february = subscriber.nextCycle(SubscriberFixtures.UTC_CYCLES);
    Subscriber march = february.nextCycle(SubscriberFixtures.UTC_CYCLES);

    assertThat(february.nextCycleAt()).isEqualTo(Instant.parse("2026-03-31T00:00:00Z"));
    assertThat(march.nextCycleAt()).isEqualTo(Instant.parse("2026-04-30T00:00:00Z"));
    assertThat(march.version()).isEqualTo(subscriber.version());
  }

  @Test
  void moneyAndArrearsAccountsMustShareAFamily() {
    AccountId foreign = SubscriberAccounts.arrears(SubscriberAccounts.subscriberFamily(6));

    assertThatThrownBy(
            () ->
                new Subscriber(
                    subscriber.msisdn(),
                    subscriber.operatorId(),
                    subscriber.planId(),
                    subscriber.state(),
                    subscriber.password(),
                    subscriber.moneyAccount(),
                    foreign,
                    T0,
                    T0,
                    0))
        .hasMessageContaining("family");
  }

  @Test
  void historyEntryMustBeExplainedByItsReason() {
    assertThatThrownBy(
            () ->
                new StateChange(
                    subscriber.msisdn(),
                    SubscriberState.SUSPENDED_VOLUNTARY,
                    SubscriberState.ACTIVE,
                    StateChangeReason.ARREARS_PAID,
                    T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(StateChange.subscribed(subscriber.msisdn(), T0).from()).isNull();
  }
}
