package org.telco.phone.autopay;

/**
 * What the agent did for one number.
 *
 * @param msisdn the number
 * @param operatorId the operator serving it, or {@code -} when none does
 * @param outcome the conclusion
 * @param paidFen paid to it in this run
 * @param refundedFen refunded of that
 * @param note a human explanation, such as the reason of a failure
 */
public record NumberResult(
    String msisdn,
    String operatorId,
    Outcome outcome,
    long paidFen,
    long refundedFen,
    String note) {}
