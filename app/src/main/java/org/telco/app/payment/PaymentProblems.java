package org.telco.app.payment;

import java.util.Locale;
import org.telco.payment.PaymentRejection;
import org.telco.web.Problem;

/**
 * Maps payment and refund rejections to HTTP problems. The switches are exhaustive with no default
 * branch: a new reason fails the compile here until it is mapped.
 */
final class PaymentProblems {
  private PaymentProblems() {}

  /** The problem for a refused payment or refund, naming the field at fault. */
  static RuntimeException of(PaymentRejection reason) {
    int status =
        switch (reason) {
          case AMOUNT_MUST_BE_POSITIVE -> 400;
          case EXISTS_WITH_DIFFERENT_FIELDS, REFUND_EXISTS_WITH_DIFFERENT_FIELDS -> 409;
          case PAYMENT_NOT_FOUND -> 404;
          case AMOUNT_TOO_LARGE,
              NUMBER_NOT_OURS,
              NUMBER_NOT_IN_SERVICE,
              REFUND_EXCEEDS_PAYMENT,
              DECLINED_BY_PROVIDER ->
              422;
        };
    String field =
        switch (reason) {
          case AMOUNT_MUST_BE_POSITIVE, AMOUNT_TOO_LARGE, REFUND_EXCEEDS_PAYMENT -> "amountFen";
          case EXISTS_WITH_DIFFERENT_FIELDS, PAYMENT_NOT_FOUND -> "id";
          case NUMBER_NOT_OURS, NUMBER_NOT_IN_SERVICE -> "msisdn";
          case REFUND_EXISTS_WITH_DIFFERENT_FIELDS -> "refundId";
          case DECLINED_BY_PROVIDER -> "payer";
        };
    String code = reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    return new Problem(status, code, "The payment was refused", code.replace('-', ' '), field)
        .toException();
  }
}
