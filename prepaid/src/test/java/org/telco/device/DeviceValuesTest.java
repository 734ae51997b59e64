package org.telco.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telco.device.DeviceFixtures.ALICE;
import static org.telco.device.DeviceFixtures.BOB;
import static org.telco.device.DeviceFixtures.SHORT_CODE;
import static org.telco.device.DeviceFixtures.T0;
import static org.telco.device.DeviceFixtures.TVBOX;
import static org.telco.device.DeviceFixtures.binding;
import static org.telco.device.DeviceFixtures.consent;
import static org.telco.device.DeviceFixtures.device;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.telco.ledger.TransferId;
import org.telco.subscriber.PurposeCode;
import org.telco.subscriber.ServicePassword;

/** The records of the device package and their invariants. */
class DeviceValuesTest {
  @Test
  void aDeviceKeepsOnlyASaltedHashOfItsSecretAndChecksIt() {
    Random random = new Random(7);
    char[] secret = DeviceCredentials.newSecret(random);
    ServicePassword kept = DeviceCredentials.hash(secret, random);
    Device device = Device.register(TVBOX, ALICE, kept, T0);

    assertThat(secret).hasSize(43);
    assertThat(kept.iterations()).isEqualTo(DeviceCredentials.ITERATIONS);
    assertThat(device.authenticates(secret)).isTrue();
    assertThat(device.authenticates("guess".toCharArray())).isFalse();
    assertThat(DeviceCredentials.hash(secret, random)).isNotEqualTo(kept);
    assertThat(device.isBound()).isFalse();
    assertThat(device.withBinding("b1").isBound()).isTrue();
  }

  @Test
  void aTokenIsRandomItsHashDeterministicAndItNeverPrints() {
    Random random = new Random(7);
    BindingToken token = BindingToken.issue(random);

    assertThat(token.value()).hasSize(43);
    assertThat(token.hash()).isEqualTo(new BindingToken(token.value()).hash());
    assertThat(BindingToken.issue(random).hash()).isNotEqualTo(token.hash());
    assertThat(token.toString()).doesNotContain(token.value());
    // SHA-256("abc"), FIPS 180-2 appendix B.1.
    assertThat(new BindingToken("abc").hash().hex())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThatThrownBy(() -> new TokenHash("ABC")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBindingEndsOnceAndKeepsHowAndItsConsent() {
    Binding active = binding("b1", TVBOX, ALICE, T0);
    Binding ended = active.unbind(T0.plusSeconds(60), UnbindChannel.SMS);

    assertThat(active.isActive()).isTrue();
    assertThat(ended.state()).isEqualTo(BindingState.UNBOUND);
    assertThat(ended.unboundBy()).isEqualTo(UnbindChannel.SMS);
    assertThat(ended.consent()).isEqualTo(active.consent());
    assertThatThrownBy(() -> ended.unbind(T0.plusSeconds(61), UnbindChannel.API))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> active.unbind(T0.minusSeconds(1), UnbindChannel.API))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBindingsConsentComesFromItsPayer() {
    Consent bobs = consent("sms-1", BOB, TVBOX, T0);

    assertThatThrownBy(
            () ->
                new Binding(
                    "b1",
                    TVBOX,
                    ALICE,
                    DeviceFixtures.tokenHash("x"),
                    BindingState.ACTIVE,
                    T0,
                    bobs,
                    null,
                    null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Consent("", "BIND X", ALICE, SHORT_CODE, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Consent("s", "x".repeat(1_601), ALICE, SHORT_CODE, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPurchaseCarriesItsBindingsPayerAndConsentAndATransferIdPerDevice() {
    Binding bound = binding("b1", TVBOX, ALICE, T0);
    Purchase purchase = Purchase.through(bound, "p-1", "movie: Hero", 500, T0.plusSeconds(5));

    assertThat(purchase.payer()).isEqualTo(ALICE);
    assertThat(purchase.consentSmsId()).isEqualTo("sms-b1");
    assertThat(purchase.transferId()).isEqualTo(new TransferId("purchase:TVBOX-0001:p-1"));
    assertThat(purchase.transferId())
        .isNotEqualTo(
            Purchase.through(
                    binding("b2", new DeviceId("TVBOX-0002"), ALICE, T0),
                    "p-1",
                    "movie: Hero",
                    500,
                    T0)
                .transferId());
    assertThat(PurposeCode.DEVICE_PURCHASE.code()).isEqualTo(108);
    assertThat(Purchase.isWellFormedId("a:b")).isFalse();
    assertThatThrownBy(() -> Purchase.through(bound, "p:1", "x", 500, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Purchase.through(bound, "p-1", " ", 500, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Purchase.through(bound, "p-1", "x", 0, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anAttemptHasARefusalExactlyWhenRefused() {
    assertThat(new BindAttempt(ALICE, TVBOX, "s1", T0, BindAttempt.Outcome.BOUND, null).refusal())
        .isNull();
    assertThatThrownBy(
            () -> new BindAttempt(ALICE, TVBOX, "s1", T0, BindAttempt.Outcome.REFUSED, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new BindAttempt(
                    ALICE, TVBOX, "s1", T0, BindAttempt.Outcome.BOUND, BindingRefusal.NOT_BOUND))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(device(TVBOX, 1).dataSim().digits()).startsWith("86147");
  }
}
