package org.telco.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.telco.subscriber.Msisdn;

class AdvanceTest {
  private static final Instant T0 = Instant.parse("2026-03-10T04:30:00Z");
  private static final Instant DEADLINE = T0.plus(Duration.ofHours(72));

  private final Advance advance =
      Advance.grant(
          "advance:8613800000001:1", new Msisdn("8613800000001"), 1_000, 800, T0, DEADLINE);

  @Test
  void partOfItComesBackAndTheRestStaysOwed() {
    Advance part = advance.repay(300, T0.plusSeconds(60));

    assertThat(part.owedFen()).isEqualTo(700);
    assertThat(part.state()).isEqualTo(AdvanceState.OUTSTANDING);
    assertThat(part.closedAt()).isNull();
  }

  @Test
  void repaidInFullBeforeTheDeadlineIsRepaid() {
    Instant at = T0.plusSeconds(3_600);
    Advance repaid = advance.repay(400, at).repay(600, at);

    assertThat(repaid.state()).isEqualTo(AdvanceState.REPAID);
    assertThat(repaid.owedFen()).isZero();
    assertThat(repaid.closedAt()).isEqualTo(at);
  }

  @Test
  void theDeadlinePassedUnpaidDefaultsAndALaterRepaymentRecovers() {
    Advance defaulted = advance.repay(100, T0.plusSeconds(1)).defaultAt(DEADLINE);
    assertThat(defaulted.state()).isEqualTo(AdvanceState.DEFAULTED);
    assertThat(defaulted.owedFen()).isEqualTo(900);

    Advance recovered = defaulted.repay(900, DEADLINE.plusSeconds(10));
    assertThat(recovered.state()).isEqualTo(AdvanceState.RECOVERED);
  }

  @Test
  void noDefaultBeforeTheDeadlineNorAfterRepayment() {
    assertThatThrownBy(() -> advance.defaultAt(DEADLINE.minusSeconds(1)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> advance.repay(1_000, T0).defaultAt(DEADLINE))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void moreThanIsOwedCannotBeRepaid() {
    assertThatThrownBy(() -> advance.repay(1_001, T0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> advance.repay(0, T0)).isInstanceOf(IllegalArgumentException.class);
  }
}
