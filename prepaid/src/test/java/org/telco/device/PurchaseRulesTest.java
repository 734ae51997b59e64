package org.telco.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telco.device.DeviceFixtures.ALICE;
import static org.telco.device.DeviceFixtures.BOB;
import static org.telco.device.DeviceFixtures.T0;
import static org.telco.device.DeviceFixtures.TVBOX;
import static org.telco.device.DeviceFixtures.binding;
import static org.telco.device.DeviceFixtures.subscriber;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberState;

class PurchaseRulesTest {
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final PurchaseRules RULES = new PurchaseRules(new SpendCap(10_000, BEIJING));
  private static final Binding BOUND = binding("b1", TVBOX, ALICE, T0);
  private static final Optional<Subscriber> ALICE_ACTIVE =
      Optional.of(subscriber(ALICE, SubscriberState.ACTIVE));

  @Test
  void aPurchaseUpToTheCapIsAllowedAndOneFenMoreIsNot() {
    assertThat(RULES.check(TVBOX, Optional.of(BOUND), ALICE_ACTIVE, 9_000, 1_000))
        .isEqualTo(PurchaseVerdict.ALLOWED);
    assertThat(RULES.check(TVBOX, Optional.of(BOUND), ALICE_ACTIVE, 9_000, 1_001))
        .isEqualTo(PurchaseVerdict.OVER_CAP);
    assertThat(RULES.check(TVBOX, Optional.of(BOUND), ALICE_ACTIVE, 0, 10_001))
        .isEqualTo(PurchaseVerdict.OVER_CAP);
  }

  @Test
  void aTokenOfNoBindingOrOfAnotherDeviceIsInvalid() {
    assertThat(RULES.check(TVBOX, Optional.empty(), ALICE_ACTIVE, 0, 100))
        .isEqualTo(PurchaseVerdict.TOKEN_INVALID);
    assertThat(RULES.check(new DeviceId("TVBOX-0002"), Optional.of(BOUND), ALICE_ACTIVE, 0, 100))
        .isEqualTo(PurchaseVerdict.TOKEN_INVALID);
  }

  @Test
  void aStolenTokenChargesNothingOnceUnbound() {
    Binding ended = BOUND.unbind(T0.plusSeconds(60), UnbindChannel.SMS);

    assertThat(RULES.check(TVBOX, Optional.of(ended), ALICE_ACTIVE, 0, 100))
        .isEqualTo(PurchaseVerdict.NOT_BOUND);
  }

  @Test
  void aBarredSuspendedOrVanishedPayerIsRefused() {
    for (SubscriberState state :
        new SubscriberState[] {
          SubscriberState.BARRED_ARREARS,
          SubscriberState.SUSPENDED_VOLUNTARY,
          SubscriberState.PORTED_OUT,
          SubscriberState.CLOSED
        }) {
      assertThat(
              RULES.check(TVBOX, Optional.of(BOUND), Optional.of(subscriber(ALICE, state)), 0, 1))
          .as(state.name())
          .isEqualTo(PurchaseVerdict.PAYER_NOT_IN_SERVICE);
    }
    assertThat(RULES.check(TVBOX, Optional.of(BOUND), Optional.empty(), 0, 1))
        .isEqualTo(PurchaseVerdict.PAYER_NOT_IN_SERVICE);
    Optional<Subscriber> onCredit =
        Optional.of(subscriber(ALICE, SubscriberState.EMERGENCY_CREDIT));
    assertThat(RULES.check(TVBOX, Optional.of(BOUND), onCredit, 0, 1))
        .isEqualTo(PurchaseVerdict.ALLOWED);
  }

  @Test
  void anotherSubscriberOrANonPositiveAmountIsACallersBug() {
    Optional<Subscriber> bob = Optional.of(subscriber(BOB, SubscriberState.ACTIVE));

    assertThatThrownBy(() -> RULES.check(TVBOX, Optional.of(BOUND), bob, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RULES.check(TVBOX, Optional.of(BOUND), ALICE_ACTIVE, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theMonthIsTheCalendarMonthOfTheOperatorsZone() {
    SpendCap cap = new SpendCap(10_000, BEIJING);
    Instant lateMarchUtc = Instant.parse("2026-03-31T23:30:00Z");

    assertThat(cap.monthOf(lateMarchUtc)).isEqualTo(YearMonth.of(2026, 4));
    assertThat(cap.start(YearMonth.of(2026, 4))).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
    assertThat(cap.end(YearMonth.of(2026, 4))).isEqualTo(Instant.parse("2026-04-30T16:00:00Z"));
    assertThat(new SpendCap(1, ZoneOffset.UTC).monthOf(lateMarchUtc))
        .isEqualTo(YearMonth.of(2026, 3));
    assertThatThrownBy(() -> new SpendCap(0, BEIJING)).isInstanceOf(IllegalArgumentException.class);
  }
}
