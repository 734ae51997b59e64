package org.telco.app.porting;

import java.util.List;
import org.telco.porting.PortRequest;
import org.telco.subscriber.OperatorId;

/**
 * One port request of a number as an operator that took part in it sees it: the clearinghouse
 * answers an operator's question about a number with these (the operator keeps no copy of port
 * requests), and the operator's console shows them on the number's page.
 *
 * @param id the recipient's id for the port
 * @param direction {@code out} when the asking operator is the donor, {@code in} when it is the
 *     recipient
 * @param counterpart the other operator
 * @param state where the port stands
 * @param compensationFen what the recipient pays the donor (0 before the credit check)
 * @param requestedAt when the recipient asked for it
 * @param lastStepAt when it reached its present state
 */
public record NumberPort(
    String id,
    String direction,
    String counterpart,
    String state,
    long compensationFen,
    String requestedAt,
    String lastStepAt) {

  /** {@code request} as {@code viewer}, its donor or recipient, sees it. */
  static NumberPort of(PortRequest request, OperatorId viewer) {
    boolean outgoing = request.donor().equals(viewer);
    return new NumberPort(
        request.id(),
        outgoing ? "out" : "in",
        (outgoing ? request.recipient() : request.donor()).value(),
        request.state().name(),
        request.compensationFen(),
        request.history().getFirst().at().toString(),
        request.history().getLast().at().toString());
  }

  /** An operator's question: the ports of this number it took part in. */
  record Query(String msisdn) {}

  /** The clearinghouse's answer, newest first. */
  record Answer(List<NumberPort> ports) {}
}
