package org.telco.porting.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.telco.porting.routing.RoutingChange.Ported;
import org.telco.porting.routing.RoutingChange.Repatriated;
import org.telco.porting.routing.RoutingReplica.Outcome;
import org.telco.subscriber.Msisdn;

class RoutingReplicaTest {
  private static final Msisdn ALICE = Routings.msisdn(8613800000001L);
  private static final Msisdn BOB = Routings.msisdn(8618600000002L);
  private static final Routing BETA = Routings.of(2);
  private static final Routing GAMMA = Routings.of(3);

  private final RoutingReplica replica = new RoutingReplica();

  @Test
  void newReplicaIsAtVersionZeroWithNothingPorted() {
    assertThat(replica.version()).isZero();
    assertThat(replica.size()).isZero();
    assertThat(replica.lookup(ALICE)).isEmpty();
  }

  @Test
  void changesInVersionOrderAreApplied() {
    assertThat(replica.apply(new Ported(1, ALICE, BETA))).isEqualTo(Outcome.APPLIED);
    assertThat(replica.apply(new Ported(2, BOB, GAMMA))).isEqualTo(Outcome.APPLIED);

    assertThat(replica.version()).isEqualTo(2);
    assertThat(replica.lookup(ALICE)).contains(BETA);
    assertThat(replica.lookup(RoutingTable.keyOf(BOB))).contains(GAMMA);
    assertThat(replica.size()).isEqualTo(2);
  }

  @Test
  void numberPortedAgainFollowsTheLaterChange() {
    replica.apply(new Ported(1, ALICE, BETA));

    replica.apply(new Ported(2, ALICE, GAMMA));

    assertThat(replica.lookup(ALICE)).contains(GAMMA);
    assertThat(replica.size()).isEqualTo(1);
  }

  @Test
  void repatriatedNumberIsNoLongerPorted() {
    replica.apply(new Ported(1, ALICE, BETA));

    assertThat(replica.apply(new Repatriated(2, ALICE))).isEqualTo(Outcome.APPLIED);

    assertThat(replica.lookup(ALICE)).isEmpty();
    assertThat(replica.size()).isZero();
    assertThat(replica.version()).isEqualTo(2);
  }

  @Test
  void repatriationOfANumberWithoutRecordStillAdvancesTheVersion() {
    assertThat(replica.apply(new Repatriated(1, ALICE))).isEqualTo(Outcome.APPLIED);

    assertThat(replica.version()).isEqualTo(1);
  }

  @Test
  void redeliveredChangeIsADuplicateThatChangesNothing() {
    replica.apply(new Ported(1, ALICE, BETA));
    replica.apply(new Ported(2, ALICE, GAMMA));

    assertThat(replica.apply(new Ported(1, ALICE, BETA))).isEqualTo(Outcome.DUPLICATE);
    assertThat(replica.apply(new Repatriated(2, ALICE))).isEqualTo(Outcome.DUPLICATE);

    assertThat(replica.lookup(ALICE)).contains(GAMMA);
    assertThat(replica.version()).isEqualTo(2);
  }

  @Test
  void changeAfterAMissedOneIsAGapAndLeavesTheReplicaAsItWas() {
    replica.apply(new Ported(1, ALICE, BETA));

    assertThat(replica.apply(new Ported(3, BOB, GAMMA))).isEqualTo(Outcome.GAP);

    assertThat(replica.lookup(BOB)).isEmpty();
    assertThat(replica.version()).isEqualTo(1);
    assertThat(replica.apply(new Ported(4, ALICE, GAMMA))).isEqualTo(Outcome.GAP);
    assertThat(replica.lookup(ALICE)).contains(BETA);
  }

  @Test
  void firstChangeMustBeVersionOne() {
    assertThat(replica.apply(new Ported(2, ALICE, BETA))).isEqualTo(Outcome.GAP);
    assertThatThrownBy(() -> new Ported(0, ALICE, BETA))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Repatriated(-1, ALICE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void snapshotReplacesEverythingAndChangesContinueAfterItsVersion() {
    replica.apply(new Ported(1, ALICE, BETA));

    replica.loadSnapshot(41, List.of(new RoutingRecord(BOB, BETA)));

    assertThat(replica.version()).isEqualTo(41);
    assertThat(replica.lookup(ALICE)).isEmpty();
    assertThat(replica.lookup(BOB)).contains(BETA);
    assertThat(replica.apply(new Ported(41, ALICE, GAMMA))).isEqualTo(Outcome.DUPLICATE);
    assertThat(replica.apply(new Ported(43, ALICE, GAMMA))).isEqualTo(Outcome.GAP);
    assertThat(replica.apply(new Ported(42, ALICE, GAMMA))).isEqualTo(Outcome.APPLIED);
    assertThat(replica.lookup(ALICE)).contains(GAMMA);
  }

  @Test
  void snapshotResolvesAGap() {
    replica.apply(new Ported(1, ALICE, BETA));
    assertThat(replica.apply(new Ported(3, BOB, GAMMA))).isEqualTo(Outcome.GAP);

    replica.loadSnapshot(
        3, List.of(new RoutingRecord(ALICE, GAMMA), new RoutingRecord(BOB, GAMMA)));

    assertThat(replica.apply(new Ported(3, BOB, GAMMA))).isEqualTo(Outcome.DUPLICATE);
    assertThat(replica.apply(new Repatriated(4, BOB))).isEqualTo(Outcome.APPLIED);
    assertThat(replica.lookup(ALICE)).contains(GAMMA);
    assertThat(replica.lookup(BOB)).isEmpty();
  }

  @Test
  void snapshotWithTheSameNumberTwiceIsRejectedAndTheReplicaKept() {
    replica.apply(new Ported(1, ALICE, BETA));

    assertThatThrownBy(
            () ->
                replica.loadSnapshot(
                    5, List.of(new RoutingRecord(BOB, BETA), new RoutingRecord(BOB, GAMMA))))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(replica.version()).isEqualTo(1);
    assertThat(replica.lookup(ALICE)).contains(BETA);
    assertThat(replica.lookup(BOB)).isEmpty();
  }

  @Test
  void emptySnapshotAtVersionZeroClearsTheReplica() {
    replica.apply(new Ported(1, ALICE, BETA));

    replica.loadSnapshot(0, List.of());

    assertThat(replica.version()).isZero();
    assertThat(replica.size()).isZero();
    assertThat(replica.apply(new Ported(1, BOB, BETA))).isEqualTo(Outcome.APPLIED);
  }
}
