package org.telco.app.payment;

/**
 * The body of {@code POST /api/v1/payments}, as decoded; the routes check each field.
 *
 * @param id the client's idempotency key
 * @param msisdn the number to top up
 * @param amountFen the amount, positive
 * @param payer who pays, possibly not the subscriber
 * @param channel the payment channel, SANDBOX when absent
 */
record PaymentRequestJson(String id, String msisdn, Long amountFen, String payer, String channel) {}
