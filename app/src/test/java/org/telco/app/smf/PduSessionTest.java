package org.telco.app.smf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telco.app.nchf.ChargingDataRequest;
import org.telco.app.nchf.ChargingDataResponse;
import org.telco.app.nchf.FinalUnitIndication;
import org.telco.app.nchf.GrantedUnit;
import org.telco.app.nchf.MultipleUnitInformation;
import org.telco.app.nchf.MultipleUnitUsage;
import org.telco.app.nchf.NchfSchemas;
import org.telco.app.nchf.ResultCode;
import org.telco.app.nchf.TriggerType;
import org.telco.web.Json;

/**
 * The SMF's session state machine, with time handed in: quota is used at the session's rate, the
 * threshold, exhaustion and validity triggers report what was used exactly once, refusals and final
 * units stop a rating group, and the release reports the rest.
 */
class PduSessionTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final long SECOND = 1_000_000_000L;
  private static final long MB = 1_000_000L;

  /** 1 MB/s in each of web (10) and video (1001), asking 10 MB at a time. */
  private final PduSession session =
      new PduSession(
          "8613800001001",
          List.of(10L, 1001L),
          MB,
          10 * MB,
          "http://smf/notify/1",
          "5f1c0d2e-8a4b-4c3d-9e2f-0a1b2c3d4e5f");

  @Test
  void theCreateAsksForQuotaInEachRatingGroupAndFollowsTheSpec() {
    ChargingDataRequest create = session.create(NOW);
    assertThat(create.subscriberIdentifier()).isEqualTo("imsi-460003800001001");
    assertThat(create.pduSessionChargingInformation().at("/userInformation/servedGPSI").asText())
        .isEqualTo("msisdn-8613800001001");
    assertThat(NchfSchemas.validateWritten("ChargingDataRequest", create)).isEmpty();
    assertThat(create.invocationSequenceNumber()).isZero();
    assertThat(create.notifyUri()).isEqualTo("http://smf/notify/1");
    assertThat(create.unitUsages())
        .extracting(MultipleUnitUsage::ratingGroup, u -> u.requestedUnit().totalVolume())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(10L, 10 * MB),
            org.assertj.core.groups.Tuple.tuple(1001L, 10 * MB));
    assertThat(NchfSchemas.validate("ChargingDataRequest", new String(Json.write(create))))
        .isEmpty();
  }

  @Test
  void crossingTheThresholdReportsTheUsedVolumeAndAsksAgain() {
    session.create(NOW);
    PduSession.Outcome granted = session.answered(grants(grant(10, 10 * MB, 2 * MB)), 0);
    assertThat(granted.grants()).isEqualTo(1);
    assertThat(granted.denials()).containsExactly(new ResultCode("NO_ANSWER"));
    assertThat(session.nanosUntilDue(0)).isEqualTo(8 * SECOND);
    assertThat(session.update(7 * SECOND, NOW)).isNull();

    ChargingDataRequest update = session.update(8 * SECOND, NOW);
    MultipleUnitUsage web = update.unitUsages().getFirst();
    assertThat(update.invocationSequenceNumber()).isEqualTo(1);
    assertThat(web.usedUnitContainer().getFirst().totalVolume()).isEqualTo(8 * MB);
    assertThat(web.usedUnitContainer().getFirst().localSequenceNumber()).isEqualTo(1);
    assertThat(web.usedUnitContainer().getFirst().triggers().getFirst().triggerType())
        .isEqualTo(TriggerType.QUOTA_THRESHOLD);
    assertThat(web.requestedUnit().totalVolume()).isEqualTo(10 * MB);
    assertThat(NchfSchemas.validate("ChargingDataRequest", new String(Json.write(update))))
        .isEmpty();
    assertThat(session.unreportedBytes(9 * SECOND)).as("traffic waits for the answer").isZero();

    PduSession.Outcome again = session.answered(grants(grant(10, 5 * MB, MB)), 9 * SECOND);
    assertThat(again.reportedBytes()).isEqualTo(8 * MB);
    assertThat(again.grantedBytes()).isEqualTo(5 * MB);
    assertThat(session.unreportedBytes(11 * SECOND)).isEqualTo(2 * MB);
  }

  @Test
  void usingUpTheQuotaWithoutAThresholdReportsQuotaExhausted() {
    session.create(NOW);
    session.answered(grants(grant(10, 3 * MB, 0), grant(1001, 30 * MB, 0)), 0);
    assertThat(session.nanosUntilDue(0)).isEqualTo(3 * SECOND);
    ChargingDataRequest update = session.update(5 * SECOND, NOW);
    assertThat(update.unitUsages()).hasSize(1);
    assertThat(update.unitUsages().getFirst().usedUnitContainer().getFirst().totalVolume())
        .as("the UPF stops the group at its quota")
        .isEqualTo(3 * MB);
    assertThat(trigger(update)).isEqualTo(TriggerType.QUOTA_EXHAUSTED);
  }

  @Test
  void anExpiredValidityReportsValidityTime() {
    session.create(NOW);
    MultipleUnitInformation shortLived =
        new MultipleUnitInformation(
            ResultCode.SUCCESS,
            10,
            GrantedUnit.ofTotalVolume(100 * MB),
            null,
            2L,
            300L,
            null,
            null);
    session.answered(grants(shortLived), 0);
    ChargingDataRequest update = session.update(2 * SECOND, NOW);
    assertThat(trigger(update)).isEqualTo(TriggerType.VALIDITY_TIME);
    assertThat(update.unitUsages().getFirst().usedUnitContainer().getFirst().totalVolume())
        .isEqualTo(2 * MB);
  }

  @Test
  void quotaLimitReachedStopsTheGroupAndTheSessionEndsWhenNothingIsLeft() {
    session.create(NOW);
    PduSession.Outcome refused =
        session.answered(
            grants(
                MultipleUnitInformation.refused(10, ResultCode.QUOTA_LIMIT_REACHED),
                MultipleUnitInformation.refused(1001, ResultCode.QUOTA_LIMIT_REACHED)),
            0);
    assertThat(refused.denials())
        .containsExactly(ResultCode.QUOTA_LIMIT_REACHED, ResultCode.QUOTA_LIMIT_REACHED);
    assertThat(session.active()).isFalse();
    ChargingDataRequest release = session.release(SECOND, NOW);
    assertThat(release.unitUsages()).isEmpty();
  }

  @Test
  void finalUnitsAreUsedUpReportedWithoutAskingAndThenTheGroupStops() {
    session.create(NOW);
    MultipleUnitInformation last =
        new MultipleUnitInformation(
            ResultCode.SUCCESS,
            10,
            GrantedUnit.ofTotalVolume(4 * MB),
            null,
            3600L,
            300L,
            FinalUnitIndication.terminate(),
            MB);
    session.answered(grants(last), 0);
    assertThat(session.nanosUntilDue(0)).as("no threshold on final units").isEqualTo(4 * SECOND);
    ChargingDataRequest update = session.update(4 * SECOND, NOW);
    assertThat(update.unitUsages().getFirst().requestedUnit()).isNull();
    assertThat(trigger(update)).isEqualTo(TriggerType.QUOTA_EXHAUSTED);
    PduSession.Outcome outcome = session.answered(grants(), 5 * SECOND);
    assertThat(outcome.reportedBytes()).isEqualTo(4 * MB);
    assertThat(session.active()).isFalse();
  }

  @Test
  void theReleaseReportsWhatIsLeftAndCountsOnlyWhenAcknowledged() {
    session.create(NOW);
    session.answered(grants(grant(10, 10 * MB, 2 * MB), grant(1001, 10 * MB, 2 * MB)), 0);
    ChargingDataRequest release = session.release(SECOND / 2, NOW);
    assertThat(release.invocationSequenceNumber()).isEqualTo(1);
    assertThat(release.unitUsages())
        .allSatisfy(u -> assertThat(u.requestedUnit()).isNull())
        .extracting(u -> u.usedUnitContainer().getFirst().totalVolume())
        .containsExactly(MB / 2, MB / 2);
    assertThat(trigger(release)).isEqualTo(TriggerType.FINAL);
    assertThat(session.released()).isEqualTo(MB);
    assertThat(session.active()).isFalse();
  }

  @Test
  void aRetransmissionIsTheSameRequestMarked() {
    session.create(NOW);
    session.answered(grants(grant(10, 10 * MB, 2 * MB), grant(1001, 10 * MB, 2 * MB)), 0);
    ChargingDataRequest update = session.update(8 * SECOND, NOW);
    ChargingDataRequest again = NchfClient.retransmitted(update);
    assertThat(again.isRetransmission()).isTrue();
    assertThat(again.invocationSequenceNumber()).isEqualTo(update.invocationSequenceNumber());
    assertThat(again.multipleUnitUsage()).isEqualTo(update.multipleUnitUsage());
    assertThat(update.isRetransmission()).isFalse();
  }

  private static TriggerType trigger(ChargingDataRequest request) {
    return request
        .unitUsages()
        .getFirst()
        .usedUnitContainer()
        .getFirst()
        .triggers()
        .getFirst()
        .triggerType();
  }

  private static MultipleUnitInformation grant(long group, long bytes, long threshold) {
    return new MultipleUnitInformation(
        ResultCode.SUCCESS,
        group,
        GrantedUnit.ofTotalVolume(bytes),
        null,
        3600L,
        300L,
        null,
        threshold == 0 ? null : threshold);
  }

  private static ChargingDataResponse grants(MultipleUnitInformation... infos) {
    return ChargingDataResponse.of(NOW.toString(), 0, List.of(infos));
  }
}
