package org.telco.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telco.device.DeviceFixtures.ALICE;
import static org.telco.device.DeviceFixtures.BOB;
import static org.telco.device.DeviceFixtures.T0;
import static org.telco.device.DeviceFixtures.TVBOX;
import static org.telco.device.DeviceFixtures.binding;
import static org.telco.device.DeviceFixtures.device;
import static org.telco.device.DeviceFixtures.subscriber;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.telco.device.BindingRules.BindVerdict;
import org.telco.device.BindingRules.UnbindVerdict;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberState;

class BindingRulesTest {
  private static final BindingRules RULES = new BindingRules(5);
  private static final Optional<Device> BOX = Optional.of(device(TVBOX, 1));
  private static final Optional<Subscriber> ALICE_ACTIVE =
      Optional.of(subscriber(ALICE, SubscriberState.ACTIVE));

  @Test
  void anOpenSubscriberBindsAKnownUnboundDevice() {
    assertThat(RULES.bind(ALICE_ACTIVE, BOX, Optional.empty(), 4))
        .isEqualTo(new BindVerdict.Bind());
    Optional<Subscriber> onCredit =
        Optional.of(subscriber(ALICE, SubscriberState.EMERGENCY_CREDIT));
    assertThat(RULES.bind(onCredit, BOX, Optional.empty(), 0)).isEqualTo(new BindVerdict.Bind());
  }

  @Test
  void aStrangerOrAClosedLineIsRefusedBeforeAnythingElse() {
    assertThat(RULES.bind(Optional.empty(), Optional.empty(), Optional.empty(), 99))
        .isEqualTo(new BindVerdict.Refused(BindingRefusal.PAYER_NOT_SUBSCRIBER));
    EnumSet<SubscriberState> closed =
        EnumSet.complementOf(EnumSet.of(SubscriberState.ACTIVE, SubscriberState.EMERGENCY_CREDIT));
    for (SubscriberState state : closed) {
      assertThat(
              RULES.bind(
                  Optional.of(subscriber(ALICE, state)), Optional.empty(), Optional.empty(), 99))
          .as(state.name())
          .isEqualTo(new BindVerdict.Refused(BindingRefusal.PAYER_NOT_IN_SERVICE));
    }
  }

  @Test
  void theRateLimitComesBeforeTheDeviceSoIdsCannotBeProbed() {
    assertThat(RULES.bind(ALICE_ACTIVE, Optional.empty(), Optional.empty(), 5))
        .isEqualTo(new BindVerdict.Refused(BindingRefusal.RATE_LIMITED));
    assertThat(RULES.bind(ALICE_ACTIVE, Optional.empty(), Optional.empty(), 4))
        .isEqualTo(new BindVerdict.Refused(BindingRefusal.DEVICE_UNKNOWN));
    assertThat(BindingRules.windowStart(T0)).isEqualTo(T0.minusSeconds(3_600));
    assertThatThrownBy(() -> new BindingRules(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDeviceBoundToTheSenderIsAlreadyDoneAndToAnotherIsRefused() {
    Binding alices = binding("b1", TVBOX, ALICE, T0);
    Optional<Subscriber> bob = Optional.of(subscriber(BOB, SubscriberState.ACTIVE));

    assertThat(RULES.bind(ALICE_ACTIVE, BOX, Optional.of(alices), 0))
        .isEqualTo(new BindVerdict.AlreadyBound(alices));
    assertThat(RULES.bind(bob, BOX, Optional.of(alices), 0))
        .isEqualTo(new BindVerdict.Refused(BindingRefusal.BOUND_TO_ANOTHER_NUMBER));
  }

  @Test
  void onlyThePayerUnbindsWhateverItsLineState() {
    Binding alices = binding("b1", TVBOX, ALICE, T0);

    assertThat(RULES.unbind(ALICE, BOX, Optional.of(alices)))
        .isEqualTo(new UnbindVerdict.Unbind(alices));
    assertThat(RULES.unbind(BOB, BOX, Optional.of(alices)))
        .isEqualTo(new UnbindVerdict.Refused(BindingRefusal.NOT_THE_PAYER));
    assertThat(RULES.unbind(ALICE, BOX, Optional.empty()))
        .isEqualTo(new UnbindVerdict.Refused(BindingRefusal.NOT_BOUND));
    assertThat(RULES.unbind(ALICE, Optional.empty(), Optional.empty()))
        .isEqualTo(new UnbindVerdict.Refused(BindingRefusal.DEVICE_UNKNOWN));
  }

  @Test
  void anEndedOrForeignBindingPassedAsActiveIsABug() {
    Binding ended = binding("b1", TVBOX, ALICE, T0).unbind(T0.plusSeconds(1), UnbindChannel.API);
    Binding foreign = binding("b2", new DeviceId("TVBOX-0002"), ALICE, T0);

    assertThatThrownBy(() -> RULES.unbind(ALICE, BOX, Optional.of(ended)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RULES.bind(ALICE_ACTIVE, BOX, Optional.of(foreign), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyRefusalRepliesInBothLanguagesWithoutNamingANumber() {
    for (BindingRefusal refusal : BindingRefusal.values()) {
      assertThat(refusal.reply())
          .as(refusal.name())
          .containsPattern("\\p{IsHan}")
          .containsPattern("[A-Za-z]{4,}")
          .doesNotContainPattern("[0-9]{5,}")
          .hasSizeLessThan(120);
    }
  }
}
