package org.telco.app.charging;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.telco.app.nchf.ChargingDataRequest;
import org.telco.app.nchf.ChargingDataResponse;
import org.telco.app.nchf.FinalUnitIndication;
import org.telco.app.nchf.GrantedUnit;
import org.telco.app.nchf.InvalidParam;
import org.telco.app.nchf.MultipleUnitInformation;
import org.telco.app.nchf.MultipleUnitUsage;
import org.telco.app.nchf.ProblemDetails;
import org.telco.app.nchf.RequestedUnit;
import org.telco.app.nchf.ResultCode;
import org.telco.app.nchf.Rfc3339;
import org.telco.app.nchf.UsedUnitContainer;
import org.telco.charging.ChargingRequest;
import org.telco.charging.UnitAnswer;
import org.telco.charging.UnitRequest;
import org.telco.subscriber.Msisdn;
import org.telco.traffic.RatingGroup;

/**
 * Between the Nchf wire records ({@code org.telco.app.nchf}) and charging's domain: who the
 * subscriber is, what each rating group asks and reports, and the answer per rating group.
 *
 * <p>Telco knows its subscribers by number, so the subscriber is the GPSI of the form {@code
 * msisdn-<digits>}: the PDU session's {@code userInformation.servedGPSI}, or the {@code
 * subscriberIdentifier} when the SMF puts the GPSI there. A request naming only a SUPI ({@code
 * imsi-...}) is resolved by {@link NchfRoutes} through the SIM directory; without a SIM on record
 * it gets USER_UNKNOWN.
 */
final class NchfMapping {
  private static final String GPSI_PREFIX = "msisdn-";

  private NchfMapping() {}

  /** A request the domain cannot take: answer 400 with this problem. */
  static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    /** The problem to answer with. */
    final transient ProblemDetails problem;

    Rejected(ProblemDetails problem) {
      super(problem.detail(), null, false, false);
      this.problem = problem;
    }
  }

  /** The subscriber's number, if the request names one by GPSI. */
  static Optional<Msisdn> subscriber(ChargingDataRequest request) {
    JsonNode gpsi =
        request.pduSessionChargingInformation() == null
            ? null
            : request.pduSessionChargingInformation().path("userInformation").get("servedGPSI");
    Optional<Msisdn> fromSession = gpsi == null ? Optional.empty() : msisdn(gpsi.asText());
    return fromSession.or(() -> msisdn(request.subscriberIdentifier()));
  }

  private static Optional<Msisdn> msisdn(String gpsi) {
    if (gpsi == null || !gpsi.startsWith(GPSI_PREFIX)) {
      return Optional.empty();
    }
    String digits = gpsi.substring(GPSI_PREFIX.length());
    return Msisdn.isWellFormed(digits) ? Optional.of(new Msisdn(digits)) : Optional.empty();
  }

  /** The domain's view of the request. */
  static ChargingRequest request(ChargingDataRequest wire) throws Rejected {
    Instant at = Rfc3339.instant(wire.invocationTimeStamp());
    List<UnitRequest> units = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    List<MultipleUnitUsage> usages = wire.unitUsages();
    for (int i = 0; i < usages.size(); i++) {
      MultipleUnitUsage usage = usages.get(i);
      if (!seen.add(usage.ratingGroup())) {
        throw new Rejected(
            ProblemDetails.badRequest(
                ProblemDetails.MANDATORY_IE_INCORRECT,
                "rating group " + usage.ratingGroup() + " appears twice",
                List.of(
                    new InvalidParam("/multipleUnitUsage/" + i + "/ratingGroup", "duplicate"))));
      }
      units.add(unit(usage));
    }
    return new ChargingRequest(wire.invocationSequenceNumber(), wire.isRetransmission(), at, units);
  }

  private static UnitRequest unit(MultipleUnitUsage usage) {
    RequestedUnit requested = usage.requestedUnit();
    long used = 0;
    List<UsedUnitContainer> containers =
        usage.usedUnitContainer() == null ? List.of() : usage.usedUnitContainer();
    for (UsedUnitContainer c : containers) {
      used = Math.addExact(used, volume(c.totalVolume(), c.uplinkVolume(), c.downlinkVolume()));
    }
    return new UnitRequest(
        new RatingGroup(usage.ratingGroup()),
        requested != null,
        requested == null
            ? 0
            : volume(requested.totalVolume(), requested.uplinkVolume(), requested.downlinkVolume()),
        !containers.isEmpty(),
        used);
  }

  /** The total volume, or uplink plus downlink when no total is given. */
  private static long volume(Long total, Long uplink, Long downlink) {
    if (total != null) {
      return total;
    }
    return (uplink == null ? 0 : uplink) + (downlink == null ? 0 : downlink);
  }

  /** The response to a request answered with {@code answers}. */
  static ChargingDataResponse response(Instant at, long sequence, List<UnitAnswer> answers) {
    List<MultipleUnitInformation> units = new ArrayList<>();
    for (UnitAnswer a : answers) {
      units.add(unit(a));
    }
    return ChargingDataResponse.of(at.toString(), sequence, units);
  }

  private static MultipleUnitInformation unit(UnitAnswer a) {
    long group = a.group().value();
    FinalUnitIndication finalUnits = a.finalUnits() ? FinalUnitIndication.terminate() : null;
    return switch (a.result()) {
      case SUCCESS ->
          a.grantedBytes() == 0
              ? MultipleUnitInformation.refused(group, ResultCode.SUCCESS)
              : new MultipleUnitInformation(
                  ResultCode.SUCCESS,
                  group,
                  GrantedUnit.ofTotalVolume(a.grantedBytes()),
                  null,
                  a.validitySeconds(),
                  a.quotaHoldingSeconds(),
                  finalUnits,
                  a.thresholdBytes());
      case QUOTA_LIMIT_REACHED ->
          new MultipleUnitInformation(
              ResultCode.QUOTA_LIMIT_REACHED, group, null, null, null, null, finalUnits, null);
      case END_USER_SERVICE_DENIED ->
          new MultipleUnitInformation(
              ResultCode.END_USER_SERVICE_DENIED, group, null, null, null, null, finalUnits, null);
    };
  }

  /** A problem with a 3GPP cause and status other than 400. */
  static ProblemDetails problem(int status, String title, String cause, String detail) {
    return new ProblemDetails(null, title, status, detail, null, cause, null, null);
  }
}
