package org.telco.app.porting;

import java.util.List;
import org.telco.porting.CreditReport;
import org.telco.porting.PortRequest;
import org.telco.porting.PortStep;

/**
 * A port request as the clearinghouse shows it to the operators involved and to its staff.
 *
 * @param id the recipient's id for it
 * @param msisdn the number
 * @param donor the operator it leaves
 * @param recipient the operator it joins
 * @param state where it stands
 * @param history each state reached, with its time and, for an ending, the reason's code
 * @param credit the donor's credit information; absent before CREDIT_CHECKED
 * @param compensationFen what the recipient pays the donor
 * @param rejection the code of why it ended without a port; absent otherwise
 * @param reason the same in a sentence for the subscriber; absent otherwise
 */
record PortRequestJson(
    String id,
    String msisdn,
    String donor,
    String recipient,
    String state,
    List<StepJson> history,
    CreditJson credit,
    long compensationFen,
    String rejection,
    String reason) {
  static PortRequestJson of(PortRequest request) {
    return new PortRequestJson(
        request.id(),
        request.msisdn().digits(),
        request.donor().value(),
        request.recipient().value(),
        request.state().name(),
        request.history().stream().map(StepJson::of).toList(),
        request.credit() == null ? null : CreditJson.of(request.credit()),
        request.compensationFen(),
        request.rejection().map(r -> r.code()).orElse(null),
        request.rejection().map(r -> r.sentence()).orElse(null));
  }

  /** One state reached. */
  record StepJson(String state, String at, String rejection) {
    static StepJson of(PortStep step) {
      return new StepJson(
          step.state().name(),
          step.at().toString(),
          step.rejection() == null ? null : step.rejection().code());
    }
  }

  /** The donor's credit information, field by field. */
  record CreditJson(
      long arrearsFen,
      long unpaidAdvancesFen,
      String lockInUntil,
      long earlyTerminationFen,
      long balanceFen,
      long tenureDays) {
    static CreditJson of(CreditReport report) {
      return new CreditJson(
          report.arrearsFen(),
          report.unpaidAdvancesFen(),
          report.lockInUntil() == null ? null : report.lockInUntil().toString(),
          report.earlyTerminationFen(),
          report.balanceFen(),
          report.tenureDays());
    }
  }
}
