package org.telco.app.ledger;

import org.telco.ledger.TransferResult;
import org.telco.web.Problem;

/**
 * One member's outcome in a batch answer: the committed transfer, or the problem that would have
 * been sent had it been submitted alone.
 *
 * @param id the transfer id
 * @param status 201 committed, 200 replayed, else the problem's status
 * @param transfer the committed transfer, when accepted
 * @param code the rejection code, when rejected
 * @param field the offending field, when rejected
 */
record BatchResultJson(String id, int status, TransferJson transfer, String code, String field) {
  static BatchResultJson of(TransferResult result, String prefix) {
    return switch (result) {
      case TransferResult.Accepted a ->
          new BatchResultJson(
              a.id().value(), a.replayed() ? 200 : 201, TransferJson.of(a.transfer()), null, null);
      case TransferResult.Rejected r -> {
        Problem p = RejectionProblems.of(r.reason(), prefix);
        yield new BatchResultJson(r.id().value(), p.status(), null, p.code(), p.field());
      }
    };
  }
}
