package org.telco.porting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;

class PortRequestTest {
  private static final Instant T0 = Instant.parse("2026-05-01T02:00:00Z");
  private static final Msisdn NUMBER = new Msisdn("8613800000001");
  private static final CreditReport OWES_2300 =
      new CreditReport(NUMBER, 1_800, 500, null, 0, 0, 400);

  private final PortRequest requested =
      PortRequest.requested("port-1", NUMBER, new OperatorId("alpha"), new OperatorId("beta"), T0);

  @Test
  void aPortGoesThroughEveryStateWithItsTime() {
    PortRequest done =
        requested
            .moveTo(PortState.VERIFIED, T0.plusSeconds(1))
            .creditChecked(OWES_2300, T0.plusSeconds(2))
            .moveTo(PortState.ACCEPTED, T0.plusSeconds(3))
            .moveTo(PortState.SETTLED, T0.plusSeconds(4))
            .moveTo(PortState.COMPLETED, T0.plusSeconds(5));

    assertThat(done.state()).isEqualTo(PortState.COMPLETED);
    assertThat(done.history())
        .extracting(PortStep::state)
        .containsExactly(
            PortState.REQUESTED,
            PortState.VERIFIED,
            PortState.CREDIT_CHECKED,
            PortState.ACCEPTED,
            PortState.SETTLED,
            PortState.COMPLETED);
    assertThat(done.reachedAt(PortState.SETTLED)).contains(T0.plusSeconds(4));
    assertThat(done.compensationFen()).isEqualTo(2_300);
    assertThat(done.rejection()).isEmpty();
  }

  @Test
  void noStepIsSkippedAndNothingFollowsAnEnding() {
    assertThatThrownBy(() -> requested.moveTo(PortState.ACCEPTED, T0))
        .isInstanceOf(IllegalStateException.class);
    PortRequest rejected = requested.end(PortRejection.WRONG_PROOF, T0.plusSeconds(1));
    assertThat(rejected.state()).isEqualTo(PortState.REJECTED);
    assertThat(rejected.rejection()).contains(PortRejection.WRONG_PROOF);
    assertThatThrownBy(() -> rejected.moveTo(PortState.VERIFIED, T0.plusSeconds(2)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(requested.end(PortRejection.TIMED_OUT, T0).state()).isEqualTo(PortState.EXPIRED);
  }

  @Test
  void onceSettledAPortCanOnlyComplete() {
    PortRequest settled =
        requested
            .moveTo(PortState.VERIFIED, T0)
            .creditChecked(OWES_2300, T0)
            .moveTo(PortState.ACCEPTED, T0)
            .moveTo(PortState.SETTLED, T0);
    assertThatThrownBy(() -> settled.end(PortRejection.TIMED_OUT, T0))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> settled.end(PortRejection.SETTLEMENT_REFUSED, T0))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void stepsKeepTheirOrderInTimeAndTheRequestItsShape() {
    assertThatThrownBy(() -> requested.moveTo(PortState.VERIFIED, T0.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                PortRequest.requested(
                    "port-2", NUMBER, new OperatorId("alpha"), new OperatorId("alpha"), T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PortRequest.isWellFormedId("has space")).isFalse();
    assertThatThrownBy(
            () ->
                requested
                    .moveTo(PortState.VERIFIED, T0)
                    .creditChecked(
                        new CreditReport(new Msisdn("8613800000002"), 0, 0, null, 0, 0, 1), T0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
