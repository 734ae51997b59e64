package org.telco.app.porting;

import java.time.Instant;
import java.util.Map;
import org.telco.porting.CreditReport;
import org.telco.porting.PortRejection;
import org.telco.porting.PortRequest;
import org.telco.porting.PortingParties;
import org.telco.porting.PortingParties.CreditAnswer;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;
import org.telco.web.PeerCallException;
import org.telco.web.PeerClient;

/**
 * The donors as the clearinghouse reaches them: signed peer calls to the donor's {@code POST
 * /api/v1/porting/credit-queries} and {@code .../compensation-confirmations}. A donor that cannot
 * be reached, or answers with a server error, is {@link PortingParties.DonorUnreachable}; the port
 * waits and is asked again.
 */
final class HttpDonors implements PortingParties.Donors {
  /** The donor's side of a credit query. */
  static final String PATH = "/api/v1/porting/credit-queries";

  /** The donor's side of the compensation confirmation. */
  static final String CONFIRMATION_PATH = "/api/v1/porting/compensation-confirmations";

  private final Map<String, PeerClient> peers;

  /** Donors reached through {@code peers}, by node name (an operator's node is named by its id). */
  HttpDonors(Map<String, PeerClient> peers) {
    this.peers = Map.copyOf(peers);
  }

  @Override
  public CreditAnswer creditQuery(OperatorId donor, Msisdn msisdn) {
    PeerClient peer = peers.get(donor.value());
    if (peer == null) {
      throw new PortingParties.DonorUnreachable("no link to " + donor, null);
    }
    CreditAnswerJson answer;
    try {
      answer = peer.post(PATH, new CreditQueryJson(msisdn.digits()), CreditAnswerJson.class);
    } catch (PeerCallException e) {
      throw new PortingParties.DonorUnreachable(donor + " did not answer: " + e.getMessage(), e);
    }
    return answer.toAnswer(msisdn);
  }

  @Override
  public void confirmCompensation(PortRequest settled) {
    PeerClient peer = peers.get(settled.donor().value());
    if (peer == null) {
      throw new PortingParties.DonorUnreachable("no link to " + settled.donor(), null);
    }
    try {
      peer.post(
          CONFIRMATION_PATH,
          new ConfirmationJson(settled.id(), settled.msisdn().digits(), settled.compensationFen()),
          ClosedJson.class);
    } catch (PeerCallException e) {
      throw new PortingParties.DonorUnreachable(
          settled.donor() + " did not take the confirmation: " + e.getMessage(), e);
    }
  }

  /** The compensation confirmation: the port, its number, what the donor received. */
  record ConfirmationJson(String portId, String msisdn, long compensationFen) {}

  /** The donor's answer: the number is closed, and what it refunded to the subscriber. */
  record ClosedJson(String msisdn, String status, long refundedFen) {}

  /** The question: whose credit. */
  record CreditQueryJson(String msisdn) {}

  /**
   * The donor's answer: a refusal's code, or the report's fields.
   *
   * @param refusal a {@link PortRejection} name when the donor refuses the port; null otherwise
   */
  record CreditAnswerJson(
      String refusal,
      long arrearsFen,
      long unpaidAdvancesFen,
      String lockInUntil,
      long earlyTerminationFen,
      long balanceFen,
      long tenureDays) {
    static CreditAnswerJson of(CreditAnswer answer) {
      return switch (answer) {
        case CreditAnswer.Refused refused ->
            new CreditAnswerJson(refused.reason().name(), 0, 0, null, 0, 0, 0);
        case CreditAnswer.Report report -> {
          CreditReport r = report.report();
          yield new CreditAnswerJson(
              null,
              r.arrearsFen(),
              r.unpaidAdvancesFen(),
              r.lockInUntil() == null ? null : r.lockInUntil().toString(),
              r.earlyTerminationFen(),
              r.balanceFen(),
              r.tenureDays());
        }
      };
    }

    CreditAnswer toAnswer(Msisdn msisdn) {
      if (refusal != null) {
        return new CreditAnswer.Refused(PortRejection.valueOf(refusal));
      }
      return new CreditAnswer.Report(
          new CreditReport(
              msisdn,
              arrearsFen,
              unpaidAdvancesFen,
              lockInUntil == null ? null : Instant.parse(lockInUntil),
              earlyTerminationFen,
              balanceFen,
              tenureDays));
    }
  }
}
