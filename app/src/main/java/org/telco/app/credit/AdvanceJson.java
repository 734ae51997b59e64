package org.telco.app.credit;

import org.telco.credit.Advance;

/**
 * One advance as {@code GET /api/v1/subscribers/{msisdn}/advances} shows it.
 *
 * @param id the advance's id: the number and the fee cycle whose bar it answered
 * @param msisdn the subscriber
 * @param state OUTSTANDING, REPAID, DEFAULTED or RECOVERED
 * @param amountFen what was advanced
 * @param coveredFen what of it paid the overdue fee
 * @param repaidFen what came back so far
 * @param owedFen what is still owed
 * @param grantedAt when it was granted
 * @param deadline when it must be repaid by
 * @param closedAt when it was repaid, defaulted or recovered; absent while outstanding
 */
record AdvanceJson(
    String id,
    String msisdn,
    String state,
    long amountFen,
    long coveredFen,
    long repaidFen,
    long owedFen,
    String grantedAt,
    String deadline,
    String closedAt) {
  static AdvanceJson of(Advance advance) {
    return new AdvanceJson(
        advance.id(),
        advance.msisdn().digits(),
        advance.state().name(),
        advance.amountFen(),
        advance.coveredFen(),
        advance.repaidFen(),
        advance.owedFen(),
        advance.grantedAt().toString(),
        advance.deadline().toString(),
        advance.closedAt() == null ? null : advance.closedAt().toString());
  }
}
