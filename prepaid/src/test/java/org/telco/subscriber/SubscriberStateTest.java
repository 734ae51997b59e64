package org.telco.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telco.subscriber.SubscriberState.ACTIVE;
import static org.telco.subscriber.SubscriberState.BARRED_ARREARS;
import static org.telco.subscriber.SubscriberState.CLOSED;
import static org.telco.subscriber.SubscriberState.EMERGENCY_CREDIT;
import static org.telco.subscriber.SubscriberState.PORTED_OUT;
import static org.telco.subscriber.SubscriberState.SUSPENDED_VOLUNTARY;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The lifecycle table, pair by pair, written out independently of the code. */
class SubscriberStateTest {
  /** Rows: from; columns: to, in declaration order. */
  private static final String[] TABLE = {
    ".++.++", // ACTIVE
    "+..+++", // BARRED_ARREARS
    "+...++", // SUSPENDED_VOLUNTARY
    "++..++", // EMERGENCY_CREDIT
    "......", // PORTED_OUT
    "......", // CLOSED
  };

  static Stream<Arguments> everyPair() {
    List<Arguments> pairs = new ArrayList<>();
    SubscriberState[] states = SubscriberState.values();
    for (int from = 0; from < states.length; from++) {
      for (int to = 0; to < states.length; to++) {
        pairs.add(Arguments.of(states[from], states[to], TABLE[from].charAt(to) == '+'));
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @MethodSource("everyPair")
  void everyMoveIsAllowedOrRefusedAsTheTableSays(
      SubscriberState from, SubscriberState to, boolean allowed) {
    assertThat(from.canMoveTo(to)).isEqualTo(allowed);
  }

  @Test
  void theTableCoversEveryState() {
    assertThat(TABLE).hasSize(SubscriberState.values().length);
    assertThat(everyPair()).hasSize(36);
  }

  @Test
  void onlyPortedOutAndClosedAreOutOfService() {
    assertThat(ACTIVE.inService()).isTrue();
    assertThat(BARRED_ARREARS.inService()).isTrue();
    assertThat(SUSPENDED_VOLUNTARY.inService()).isTrue();
    assertThat(EMERGENCY_CREDIT.inService()).isTrue();
    assertThat(PORTED_OUT.inService()).isFalse();
    assertThat(CLOSED.inService()).isFalse();
  }

  @Test
  void eachReasonLeadsToOneState() {
    assertThat(StateChangeReason.SUBSCRIBED.target()).isEqualTo(ACTIVE);
    assertThat(StateChangeReason.FEE_UNPAID.target()).isEqualTo(BARRED_ARREARS);
    assertThat(StateChangeReason.ARREARS_PAID.target()).isEqualTo(ACTIVE);
    assertThat(StateChangeReason.SUSPENDED_BY_REQUEST.target()).isEqualTo(SUSPENDED_VOLUNTARY);
    assertThat(StateChangeReason.RESUMED_BY_REQUEST.target()).isEqualTo(ACTIVE);
    assertThat(StateChangeReason.PORTED_OUT.target()).isEqualTo(PORTED_OUT);
    assertThat(StateChangeReason.CLOSED.target()).isEqualTo(CLOSED);
    assertThat(StateChangeReason.EMERGENCY_CREDIT_GRANTED.target()).isEqualTo(EMERGENCY_CREDIT);
    assertThat(StateChangeReason.ADVANCE_REPAID.target()).isEqualTo(ACTIVE);
    assertThat(StateChangeReason.ADVANCE_DEFAULTED.target()).isEqualTo(BARRED_ARREARS);
  }

  @Test
  void onlyActiveAndEmergencyCreditAreOpen() {
    assertThat(ACTIVE.isOpen()).isTrue();
    assertThat(EMERGENCY_CREDIT.isOpen()).isTrue();
    assertThat(BARRED_ARREARS.isOpen()).isFalse();
    assertThat(SUSPENDED_VOLUNTARY.isOpen()).isFalse();
    assertThat(PORTED_OUT.isOpen()).isFalse();
  }

  @Test
  void emergencyCreditIsEnteredFromABarAndLeftByRepayingOrDefaulting() {
    assertThat(
            StateChangeReason.EMERGENCY_CREDIT_GRANTED.explains(BARRED_ARREARS, EMERGENCY_CREDIT))
        .isTrue();
    assertThat(StateChangeReason.EMERGENCY_CREDIT_GRANTED.explains(ACTIVE, EMERGENCY_CREDIT))
        .isFalse();
    assertThat(StateChangeReason.ADVANCE_REPAID.explains(EMERGENCY_CREDIT, ACTIVE)).isTrue();
    assertThat(StateChangeReason.ADVANCE_REPAID.explains(BARRED_ARREARS, ACTIVE)).isFalse();
    assertThat(StateChangeReason.ADVANCE_DEFAULTED.explains(EMERGENCY_CREDIT, BARRED_ARREARS))
        .isTrue();
    assertThat(StateChangeReason.ADVANCE_DEFAULTED.explains(ACTIVE, BARRED_ARREARS)).isFalse();
    assertThat(StateChangeReason.FEE_UNPAID.explains(EMERGENCY_CREDIT, BARRED_ARREARS)).isTrue();
    assertThat(StateChangeReason.ARREARS_PAID.explains(EMERGENCY_CREDIT, ACTIVE)).isFalse();
  }

  @Test
  void reasonsExplainOnlyTheirOwnMoves() {
    assertThat(StateChangeReason.SUBSCRIBED.explains(null, ACTIVE)).isTrue();
    assertThat(StateChangeReason.SUBSCRIBED.explains(BARRED_ARREARS, ACTIVE)).isFalse();
    assertThat(StateChangeReason.FEE_UNPAID.explains(null, BARRED_ARREARS)).isFalse();
    assertThat(StateChangeReason.FEE_UNPAID.explains(ACTIVE, BARRED_ARREARS)).isTrue();
    assertThat(StateChangeReason.FEE_UNPAID.explains(SUSPENDED_VOLUNTARY, BARRED_ARREARS))
        .isFalse();
    assertThat(StateChangeReason.ARREARS_PAID.explains(BARRED_ARREARS, ACTIVE)).isTrue();
    assertThat(StateChangeReason.ARREARS_PAID.explains(SUSPENDED_VOLUNTARY, ACTIVE)).isFalse();
    assertThat(StateChangeReason.RESUMED_BY_REQUEST.explains(SUSPENDED_VOLUNTARY, ACTIVE)).isTrue();
    assertThat(StateChangeReason.RESUMED_BY_REQUEST.explains(BARRED_ARREARS, ACTIVE)).isFalse();
    assertThat(StateChangeReason.SUSPENDED_BY_REQUEST.explains(BARRED_ARREARS, SUSPENDED_VOLUNTARY))
        .isFalse();
    assertThat(StateChangeReason.PORTED_OUT.explains(BARRED_ARREARS, PORTED_OUT)).isTrue();
    assertThat(StateChangeReason.PORTED_OUT.explains(CLOSED, PORTED_OUT)).isFalse();
    assertThat(StateChangeReason.CLOSED.explains(SUSPENDED_VOLUNTARY, CLOSED)).isTrue();
    assertThat(StateChangeReason.CLOSED.explains(ACTIVE, PORTED_OUT)).isFalse();
  }
}
