package org.telco.porting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.ServicePassword;

class VerificationPolicyTest {
  private static final Instant T0 = Instant.parse("2026-05-01T02:00:00Z");
  private static final VerificationPolicy POLICY = VerificationPolicy.defaults();
  private static final PortingNonce NONCE = PortingNonce.issue(new Random(1));
  private static final PortingProof RIGHT =
      PortingProof.of(ServicePassword.derive("pw".toCharArray(), new byte[16], 1), NONCE);
  private static final PortingProof WRONG =
      PortingProof.of(ServicePassword.derive("pW".toCharArray(), new byte[16], 1), NONCE);
  private static final Optional<Deposit> DEPOSIT =
      Optional.of(
          new Deposit(
              new Msisdn("8613800000001"),
              new OperatorId("alpha"),
              NONCE,
              RIGHT,
              T0,
              POLICY.expiryOf(T0)));

  @Test
  void theRightResultOnALiveUnusedDepositPasses() {
    assertThat(POLICY.judge(DEPOSIT, false, 4, RIGHT, T0.plusSeconds(3_599))).isEmpty();
  }

  @Test
  void eachFaultHasItsReasonInOrder() {
    Instant late = T0.plus(Duration.ofHours(1));
    assertThat(POLICY.judge(DEPOSIT, false, 0, WRONG, T0)).contains(PortRejection.WRONG_PROOF);
    assertThat(POLICY.judge(DEPOSIT, false, 0, RIGHT, late))
        .contains(PortRejection.DEPOSIT_EXPIRED);
    assertThat(POLICY.judge(DEPOSIT, true, 0, RIGHT, late)).contains(PortRejection.PROOF_REPLAYED);
    assertThat(POLICY.judge(Optional.empty(), true, 0, RIGHT, T0))
        .contains(PortRejection.NO_DEPOSIT);
    assertThat(POLICY.judge(DEPOSIT, false, 5, RIGHT, T0)).contains(PortRejection.LOCKED_OUT);
  }

  @Test
  void failuresAreCountedOverTheWindowBeforeTheRequest() {
    assertThat(POLICY.windowStart(T0)).isEqualTo(T0.minus(Duration.ofHours(24)));
    assertThat(POLICY.expiryOf(T0)).isEqualTo(T0.plus(Duration.ofHours(1)));
  }
}
